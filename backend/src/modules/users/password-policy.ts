/** Passwords most often tried by guessers, Vietnamese favourites included. */
const COMMON = new Set([
  '12345678', '123456789', '1234567890', '11111111', '00000000', '88888888', '66666666', '99999999',
  '12341234', '87654321', '11223344', '123123123', 'password', 'password1', 'password123', 'passw0rd',
  'qwerty123', 'qwertyui', 'abc12345', 'abcd1234', 'a1234567', 'iloveyou', 'matkhau', 'matkhau1',
  'matkhau123', 'anhyeuem', 'emyeuanh', 'yeuemmaimai', 'vietnam', 'vietnam123', 'admin123', 'admin1234',
  'welcome1', 'sunshine', 'princess', 'football', 'baseball', 'superman', 'trustno1', '1qaz2wsx',
]);

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** Returns why a password is weak, or null when it is acceptable. */
export function passwordWeakness(password: string, personal: string[] = []): string | null {
  if (password.length < PASSWORD_MIN) return `must have at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `must have at most ${PASSWORD_MAX} characters`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'is too common';
  if (/^(.)\1+$/.test(password)) return 'must not repeat one character';
  if (/^\d+$/.test(password) && password.length < 10) return 'must not be only digits unless it has 10 or more';
  if (personal.some((p) => p && lower.includes(p.toLowerCase()))) return 'must not contain your phone number or email';
  return null;
}
