import { passwordWeakness } from './password-policy';

describe('password policy', () => {
  it.each(['12345678', 'matkhau123', 'Password', 'aaaaaaaaaa', '98765432', 'short'])('refuses %s', (pw) => {
    expect(passwordWeakness(pw)).not.toBeNull();
  });

  it('refuses a password built on the phone number', () => {
    expect(passwordWeakness('x0912345678x', ['0912345678'])).toMatch(/phone/);
  });

  it.each(['Hoc-so-that-vui-1', 'con meo tren mai nha', '0912345678901'])('accepts %s', (pw) => {
    expect(passwordWeakness(pw)).toBeNull();
  });
});
