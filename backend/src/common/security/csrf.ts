import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppException } from '../errors/app-exception';

export const CSRF_COOKIE = 'csrf_token';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Signed double-submit token: the page reads the cookie and echoes it in a header, which another
 * site cannot do. The signature stops a cookie planted by a sibling domain from being accepted.
 */
export class CsrfTokens {
  /** Tokens whose signature checked out: a browser sends the same one with every write, so each is signed once. */
  private readonly verified = new Set<string>();

  constructor(
    private readonly secret: string,
    private readonly maxRemembered = 50_000,
  ) {}

  issue(): string {
    const nonce = randomBytes(18).toString('base64url');
    return `${nonce}.${this.sign(nonce)}`;
  }

  isValid(token: string | undefined): boolean {
    if (!token) return false;
    if (this.verified.has(token)) return true;
    const [nonce, signature] = token.split('.');
    if (!nonce || !signature) return false;
    const expected = Buffer.from(this.sign(nonce));
    const given = Buffer.from(signature);
    const valid = expected.length === given.length && timingSafeEqual(expected, given);
    if (valid) this.remember(token);
    return valid;
  }

  private remember(token: string): void {
    // Bounded: when full, start over; a forgotten token is simply checked again.
    if (this.verified.size >= this.maxRemembered) this.verified.clear();
    this.verified.add(token);
  }

  private sign(nonce: string): string {
    return createHmac('sha256', this.secret).update(`csrf:${nonce}`).digest('base64url');
  }
}

export function setCsrfCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(CSRF_COOKIE, token, { httpOnly: false, sameSite: 'lax', secure, path: '/' });
}

/** The error for an unsafe API request whose header does not match its valid CSRF cookie, else undefined. */
export function csrfCheck(tokens: CsrfTokens) {
  return (req: FastifyRequest): AppException | undefined => {
    if (SAFE_METHODS.has(req.method)) return undefined;
    const cookie = req.cookies[CSRF_COOKIE];
    const header = req.headers[CSRF_HEADER];
    if (!cookie || cookie !== header || !tokens.isValid(cookie)) {
      return new AppException(403, 'CSRF_INVALID', `Missing or invalid ${CSRF_HEADER} header`);
    }
    return undefined;
  };
}
