import argon2 from 'argon2';

/** argon2id with OWASP's minimum parameters (19 MiB, 2 passes): safe, and fast enough for a cheap server. */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => argon2.hash(password, OPTIONS);

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  // Hash anyway when there is no account, so a wrong login costs the same time as a wrong password.
  if (!hash) {
    await argon2.hash(password, OPTIONS);
    return false;
  }
  return argon2.verify(hash, password);
}
