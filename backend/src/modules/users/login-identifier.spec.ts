import { normalizePhone, parseLogin } from './login-identifier';

describe('Vietnamese login identifiers', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['+84912345678', '0912345678'],
    ['84 912 345 678', '0912345678'],
    ['091.234.5678', '0912345678'],
    ['0387654321', '0387654321'],
  ])('normalises the mobile number %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each(['0123', '0241234567', '091234567', '09123456789', '+1 912345678', 'abc'])('rejects %s', (input) => {
    expect(normalizePhone(input)).toBeNull();
  });

  it('tells an email from a phone and lower-cases emails', () => {
    expect(parseLogin(' An.Nguyen@Example.VN ')).toEqual({ kind: 'email', value: 'an.nguyen@example.vn' });
    expect(parseLogin('+84 912 345 678')).toEqual({ kind: 'phone', value: '0912345678' });
    expect(parseLogin('an@')).toBeNull();
  });
});
