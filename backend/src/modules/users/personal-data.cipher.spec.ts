import { randomBytes } from 'node:crypto';
import { mask, PersonalDataCipher } from './personal-data.cipher';

describe('PersonalDataCipher', () => {
  const cipher = new PersonalDataCipher(randomBytes(32));

  it('round-trips, and never writes the same ciphertext twice', () => {
    const a = cipher.encrypt('0912345678');
    const b = cipher.encrypt('0912345678');
    expect(a.equals(b)).toBe(false);
    expect(cipher.decrypt(a)).toBe('0912345678');
    expect(a.toString('latin1')).not.toContain('912345678');
  });

  it('detects tampering', () => {
    const sealed = cipher.encrypt('an@example.vn');
    sealed.writeUInt8(sealed.readUInt8(sealed.length - 1) ^ 1, sealed.length - 1);
    expect(() => cipher.decrypt(sealed)).toThrow();
  });

  it('gives a stable blind index that differs per key', () => {
    expect(cipher.blindIndex('x').equals(cipher.blindIndex('x'))).toBe(true);
    expect(new PersonalDataCipher(randomBytes(32)).blindIndex('x').equals(cipher.blindIndex('x'))).toBe(false);
  });

  it('masks contacts for lists', () => {
    expect(mask.phone('0912345678')).toBe('091*****78');
    expect(mask.email('an.nguyen@example.vn')).toBe('a***@example.vn');
  });
});
