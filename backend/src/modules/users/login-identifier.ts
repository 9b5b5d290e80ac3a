/**
 * Vietnamese mobile numbers: 10 digits starting 03, 05, 07, 08 or 09, written with a leading 0 or +84.
 * Stored and compared in the 0xxxxxxxxx form that people read on their SIM.
 */
const VN_MOBILE = /^(?:\+?84|0)([35789]\d{8})$/;

export function normalizePhone(input: string): string | null {
  const compact = input.replace(/[\s.\-()]/g, '');
  const match = VN_MOBILE.exec(compact);
  return match ? `0${match[1]}` : null;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

export function normalizeEmail(input: string): string | null {
  const email = input.trim().toLowerCase();
  return email.length <= 254 && EMAIL.test(email) ? email : null;
}

export type LoginIdentifier = { kind: 'phone' | 'email'; value: string };

/** A login is a phone number or an email; anything else is no identifier at all. */
export function parseLogin(input: string): LoginIdentifier | null {
  if (input.includes('@')) {
    const email = normalizeEmail(input);
    return email ? { kind: 'email', value: email } : null;
  }
  const phone = normalizePhone(input);
  return phone ? { kind: 'phone', value: phone } : null;
}
