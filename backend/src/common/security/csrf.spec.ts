import { CsrfTokens } from './csrf';

describe('CsrfTokens', () => {
  it('accepts the tokens it issued, again and again, with the session they were issued for', () => {
    const tokens = new CsrfTokens('secret-one');
    const token = tokens.issue('session-a');
    expect(tokens.isValid(token, 'session-a')).toBe(true);
    expect(tokens.isValid(token, 'session-a')).toBe(true);
    const anonymous = tokens.issue('');
    expect(tokens.isValid(anonymous, '')).toBe(true);
  });

  it('refuses a token issued to another session or to a signed-out client, even after it was seen with its own', () => {
    const tokens = new CsrfTokens('secret-one');
    const token = tokens.issue('session-a');
    expect(tokens.isValid(token, 'session-a')).toBe(true);
    expect(tokens.isValid(token, 'session-b')).toBe(false);
    expect(tokens.isValid(token, '')).toBe(false);
    expect(tokens.isValid(tokens.issue(''), 'session-a')).toBe(false);
  });

  it('refuses tokens signed with another secret, tampered, malformed or missing, even after a valid one was seen', () => {
    const tokens = new CsrfTokens('secret-one');
    const token = tokens.issue('s');
    expect(tokens.isValid(token, 's')).toBe(true);
    const [nonce, signature] = token.split('.');
    expect(tokens.isValid(new CsrfTokens('secret-two').issue('s'), 's')).toBe(false);
    expect(tokens.isValid(`${nonce}x.${signature}`, 's')).toBe(false);
    const last = signature!.at(-1) === 'A' ? 'B' : 'A';
    expect(tokens.isValid(`${nonce}.${signature!.slice(0, -1)}${last}`, 's')).toBe(false);
    expect(tokens.isValid(`${token}.x`, 's')).toBe(false);
    expect(tokens.isValid(nonce, 's')).toBe(false);
    expect(tokens.isValid('', 's')).toBe(false);
    expect(tokens.isValid(undefined, 's')).toBe(false);
  });

  it('still checks tokens correctly once its memory of checked tokens has filled up and started over', () => {
    const tokens = new CsrfTokens('secret-one', 2);
    const issued = [tokens.issue('s'), tokens.issue('s'), tokens.issue('s')];
    expect(issued.map((t) => tokens.isValid(t, 's'))).toEqual([true, true, true]);
    expect(issued.map((t) => tokens.isValid(t, 's'))).toEqual([true, true, true]);
    expect(issued.map((t) => tokens.isValid(t, 'other'))).toEqual([false, false, false]);
    expect(tokens.isValid(new CsrfTokens('secret-two').issue('s'), 's')).toBe(false);
  });
});
