import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppException } from '../errors/app-exception';

export const CSRF_COOKIE = 'csrf_token';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Signed double-submit token bound to the session cookie it was issued with: the page reads the
 * cookie and echoes it in a header, which another site cannot do; the signature stops a cookie
 * planted by a sibling domain, and the binding stops a token issued to another client (or to this
 * one before it signed in) from serving with someone's session. `binding` is the raw session cookie
 * ('' when signed out); it only enters the HMAC and is never kept.
 */
export class CsrfTokens {
  /** Pairs of binding and token whose signature checked out: a browser sends the same pair with every write. */
  private readonly verified = new Set<string>();

  constructor(
    private readonly secret: string,
    private readonly maxRemembered = 50_000,
  ) {}

  issue(binding: string): string {
    const nonce = randomBytes(18).toString('base64url');
    return `${nonce}.${this.sign(nonce, binding)}`;
  }

  isValid(token: string | undefined, binding: string): boolean {
    if (!token) return false;
    const pair = `${this.sign('pair', binding)}.${token}`;
    if (this.verified.has(pair)) return true;
    const [nonce, signature, extra] = token.split('.');
    if (!nonce || !signature || extra !== undefined) return false;
    const expected = Buffer.from(this.sign(nonce, binding));
    const given = Buffer.from(signature);
    const valid = expected.length === given.length && timingSafeEqual(expected, given);
    if (valid) this.remember(pair);
    return valid;
  }

  private remember(pair: string): void {
    // Bounded: when full, start over; a forgotten pair is simply checked again.
    if (this.verified.size >= this.maxRemembered) this.verified.clear();
    this.verified.add(pair);
  }

  private sign(nonce: string, binding: string): string {
    return createHmac('sha256', this.secret).update(`csrf:${binding.length}:${binding}:${nonce}`).digest('base64url');
  }
}

export function setCsrfCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(CSRF_COOKIE, token, { httpOnly: false, sameSite: 'lax', secure, path: '/' });
}

/**
 * The error for an unsafe request whose header does not match its valid CSRF cookie, else undefined.
 * Every unsafe method is checked whatever its path: a path test on the raw URL can be dodged by
 * percent-encoding (`/%61pi/...`) while the router decodes it.
 */
export function csrfCheck(tokens: CsrfTokens, sessionCookie: string) {
  return (req: FastifyRequest): AppException | undefined => {
    if (SAFE_METHODS.has(req.method)) return undefined;
    const cookie = req.cookies[CSRF_COOKIE];
    const header = req.headers[CSRF_HEADER];
    if (!cookie || cookie !== header || !tokens.isValid(cookie, req.cookies[sessionCookie] ?? '')) {
      return new AppException(403, 'CSRF_INVALID', `Missing or invalid ${CSRF_HEADER} header`);
    }
    return undefined;
  };
}
