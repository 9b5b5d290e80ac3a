import type { IdentityProviderConfig } from '../../config/config';
import { normalizePhone } from '../users/login-identifier';

/** What the platform takes from a provider's claims, already checked and normalised. */
export type IdentityClaims = {
  subject: string;
  /** Upper-case letters and digits, without spaces: the form the keyed hash is taken of. */
  citizenId: string | null;
  fullName: string | null;
  birthYear: number | null;
  phone: string | null;
};

const CITIZEN_ID = /^[A-Z0-9]{6,20}$/;
const NAME = /^[\p{L}][\p{L}\p{M} .'-]*$/u;

/**
 * Reads the claims named in the provider's configuration (`claims.*`), whatever the provider calls
 * them. A value of the wrong shape counts as absent: the claims are outside input like any other.
 */
export function readClaims(raw: Record<string, unknown>, names: IdentityProviderConfig['claims']): IdentityClaims {
  const text = (name: string): string | null => {
    const v = raw[name];
    return typeof v === 'string' || typeof v === 'number' ? String(v).trim() : null;
  };
  const citizenId = text(names.citizenId)?.replace(/[\s.-]/g, '').toUpperCase() ?? null;
  const name = text(names.name)?.replace(/\s+/g, ' ') ?? null;
  return {
    subject: String(raw.sub),
    citizenId: citizenId && CITIZEN_ID.test(citizenId) ? citizenId : null,
    fullName: name && name.length >= 2 && name.length <= 120 && NAME.test(name) ? name : null,
    birthYear: birthYearOf(text(names.birthDate)),
    phone: normalizePhoneClaim(text(names.phone)),
  };
}

/** "1958-03-02", "02/03/1958" or "1958" → 1958, within the years a person can have been born in. */
function birthYearOf(value: string | null): number | null {
  const year = value ? /(?:^|\D)(\d{4})(?:\D|$)/.exec(value)?.[1] : undefined;
  const n = year ? Number(year) : NaN;
  return n >= 1900 && n <= new Date().getFullYear() ? n : null;
}

function normalizePhoneClaim(value: string | null): string | null {
  return value ? normalizePhone(value) : null;
}
