import { newShortCode, parseShortCode } from './short-code';

describe('short invitation codes', () => {
  it('reads a code typed loosely, and refuses letters that are easily misread', () => {
    expect(parseShortCode('k7m2 qx-9a')).toBe('K7M2QX9A');
    expect(parseShortCode('K7M2QX0A')).toBeNull(); // 0 is not in the alphabet
    expect(parseShortCode('K7M2QX9')).toBeNull();
    expect(parseShortCode('K7M2QX9AB')).toBeNull();
  });

  it('makes codes that it reads back', () => {
    for (let i = 0; i < 50; i++) {
      const code = newShortCode();
      expect(parseShortCode(code)).toBe(code);
    }
  });
});
