import type { ThrottlerGetTrackerFunction } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';

/**
 * Whom a rate limit counts. A commune hall's wifi or a carrier's shared address puts a whole class
 * behind one address, so the tight limits count what identifies one person, and the address gets a
 * much higher allowance of its own (see the throttlers in app.module.ts):
 * - `perSession`: the session cookie when there is one (a random cookie buys nothing beyond the
 *   per-address allowance), else the address;
 * - `perAddressAndLogin`: the address and the login a sign-in or reset names, so forty people
 *   signing in from one address each have their own budget; other auth routes fall back to the address.
 * The throttler hashes each tracker into its key, so no cookie or login is stored as it came.
 */
export const perAddress: ThrottlerGetTrackerFunction = (req) => (req as FastifyRequest).ip;

export const perSession =
  (sessionCookie: string): ThrottlerGetTrackerFunction =>
  (req) => {
    const { cookies, ip } = req as FastifyRequest;
    const session = cookies?.[sessionCookie];
    return session ? `session:${session}` : `address:${ip}`;
  };

export const perAddressAndLogin: ThrottlerGetTrackerFunction = (req) => {
  const { body, ip } = req as FastifyRequest<{ Body: { login?: unknown; email?: unknown } | undefined }>;
  const login = typeof body?.login === 'string' ? body.login : typeof body?.email === 'string' ? body.email : '';
  return `${ip}|${login.trim().toLowerCase().slice(0, 254)}`;
};
