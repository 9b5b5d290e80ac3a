import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { requestIdOf } from '../errors/all-exceptions.filter';

/** Who is asking from where: what audit records and sessions need to know about a request. */
export type RequestMeta = { ip: string | null; requestId: string; userAgent: string | null };

export const metaOf = (req: FastifyRequest): RequestMeta => ({
  ip: req.ip ?? null,
  requestId: requestIdOf(req),
  userAgent: req.headers['user-agent']?.slice(0, 200) ?? null,
});

export const ReqMeta = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  metaOf(ctx.switchToHttp().getRequest<FastifyRequest>()),
);
