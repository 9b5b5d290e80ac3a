import { createParamDecorator, type ExecutionContext, HttpStatus } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppException } from '../errors/app-exception';

/** Content types taken as raw bytes, and only by the routes that declare `@BinaryBody` (the studio's uploads). */
export const BINARY_TYPES = ['application/zip', 'application/octet-stream'] as const;
export type BinaryType = (typeof BINARY_TYPES)[number];
/** The largest upload: a studio course's zip or one media file (each has its own smaller limits after this). */
export const BINARY_BODY_LIMIT = 100 * 1024 * 1024;
/** Only the studio takes files; everywhere else a binary body is refused before it is read. */
export const takesBinaryBody = (url: string) => url.startsWith('/api/studio/');

/** The request body as bytes, sent with one of `types`; anything else is a 415 naming the types accepted. */
export const BinaryBody = createParamDecorator((types: BinaryType | BinaryType[], ctx: ExecutionContext): Buffer => {
  const req = ctx.switchToHttp().getRequest<FastifyRequest>();
  const accepted = Array.isArray(types) ? types : [types];
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!(accepted as string[]).includes(type) || !Buffer.isBuffer(req.body)) {
    throw new AppException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'UNSUPPORTED_MEDIA_TYPE', `Send the file as ${accepted.join(' or ')}`, { accepted });
  }
  return req.body;
});
