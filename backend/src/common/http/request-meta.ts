import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { requestIdOf } from '../errors/all-exceptions.filter';

/** Who is asking from where: what audit records and sessions need to know about a request. */
export type RequestMeta = { ip: string | null; requestId: string; userAgent: string | null };

export const metaOf = (req: Request): RequestMeta => ({
  ip: req.ip ?? null,
  requestId: requestIdOf(req),
  userAgent: req.get('user-agent')?.slice(0, 200) ?? null,
});

export const ReqMeta = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  metaOf(ctx.switchToHttp().getRequest<Request>()),
);
