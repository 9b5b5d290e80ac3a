import { CsrfTokens } from './csrf';

describe('CsrfTokens', () => {
  it('accepts the tokens it issued, again and again', () => {
    const tokens = new CsrfTokens('secret-one');
    const token = tokens.issue();
    expect(tokens.isValid(token)).toBe(true);
    expect(tokens.isValid(token)).toBe(true);
  });

  it('refuses tokens signed with another secret, tampered, malformed or missing, even after a valid one was seen', () => {
    const tokens = new CsrfTokens('secret-one');
    const token = tokens.issue();
    expect(tokens.isValid(token)).toBe(true);
    const [nonce, signature] = token.split('.');
    expect(tokens.isValid(new CsrfTokens('secret-two').issue())).toBe(false);
    expect(tokens.isValid(`${nonce}x.${signature}`)).toBe(false);
    const last = signature!.at(-1) === 'A' ? 'B' : 'A';
    expect(tokens.isValid(`${nonce}.${signature!.slice(0, -1)}${last}`)).toBe(false);
    expect(tokens.isValid(nonce)).toBe(false);
    expect(tokens.isValid('')).toBe(false);
    expect(tokens.isValid(undefined)).toBe(false);
  });

  it('still checks tokens correctly once its memory of checked tokens has filled up and started over', () => {
    const tokens = new CsrfTokens('secret-one', 2);
    const issued = [tokens.issue(), tokens.issue(), tokens.issue()];
    expect(issued.map((t) => tokens.isValid(t))).toEqual([true, true, true]);
    expect(issued.map((t) => tokens.isValid(t))).toEqual([true, true, true]);
    expect(tokens.isValid(new CsrfTokens('secret-two').issue())).toBe(false);
  });
});
