import { newRecordCode, parseRecordCode } from './record-code';

describe('record codes', () => {
  it('makes distinct codes that parse back to themselves', () => {
    const codes = Array.from({ length: 500 }, newRecordCode);
    expect(new Set(codes).size).toBe(500);
    for (const code of codes) {
      expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(parseRecordCode(code)).toBe(code);
    }
  });

  it('accepts what a person types: lower case, spaces, O for zero, I or L for one', () => {
    const code = newRecordCode();
    const typed = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect(parseRecordCode(typed)).toBe(code);
  });

  it('refuses every single-character change', () => {
    const code = newRecordCode().replace(/-/g, '');
    for (let i = 0; i < code.length; i++) {
      for (const c of '0123456789ABCDEFGHJKMNPQRSTVWXYZ') {
        if (c === code[i]) continue;
        expect(parseRecordCode(code.slice(0, i) + c + code.slice(i + 1))).toBeNull();
      }
    }
  });

  it('refuses wrong lengths and foreign characters', () => {
    expect(parseRecordCode('')).toBeNull();
    expect(parseRecordCode('7K3M-9QX2')).toBeNull();
    expect(parseRecordCode('7K3M-9QX2-HT4P-0')).toBeNull();
    expect(parseRecordCode('7K3M-9QX2-HT4*')).toBeNull();
  });
});
