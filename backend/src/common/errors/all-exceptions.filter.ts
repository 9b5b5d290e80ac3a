import { ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppException } from './app-exception';
import { isServiceUnavailable, RETRY_AFTER_SECONDS } from './service-unavailable';

export type ErrorBody = { code: string; message: string; details?: unknown; requestId: string };

const CODES_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/** Answer to a request that met the database or Redis away: the client's outbox or retry comes back later. */
const UNAVAILABLE: Omit<ErrorBody, 'requestId'> = { code: 'SERVICE_UNAVAILABLE', message: 'The service is briefly unavailable, try again shortly' };

/**
 * Turns anything thrown into `{ code, message, details, requestId }`; the database or Redis away is a 503
 * with Retry-After; unknown errors become a bare 500.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<FastifyRequest>();
    const res = ctx.getResponse<FastifyReply>();
    const { status, body } = toErrorBody(exception, requestIdOf(req));
    if (status === HttpStatus.SERVICE_UNAVAILABLE && body.code === UNAVAILABLE.code) {
      // Expected while a server restarts: one short line, no stack.
      this.logger.warn({ requestId: body.requestId, reason: (exception as Error).message }, 'Backing service unavailable');
      if (!res.sent) void res.status(status).header('Retry-After', String(RETRY_AFTER_SECONDS)).send(body);
      return;
    }
    if (status >= 500) this.logger.error({ err: exception, requestId: body.requestId }, 'Unhandled error');
    if (!res.sent) void res.status(status).send(body);
  }
}

export function requestIdOf(req: FastifyRequest): string {
  return req.id;
}

export function toErrorBody(exception: unknown, requestId: string): { status: number; body: ErrorBody } {
  if (exception instanceof AppException) {
    const status = exception.getStatus();
    return { status, body: { code: exception.code, message: exception.message, details: exception.details, requestId } };
  }
  if (exception instanceof ThrottlerException) {
    return { status: 429, body: { code: 'RATE_LIMITED', message: 'Too many requests, try again later', requestId } };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code = CODES_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST');
    return { status, body: { code, message: status >= 500 ? 'Internal error' : exception.message, requestId } };
  }
  if (isServiceUnavailable(exception)) return { status: HttpStatus.SERVICE_UNAVAILABLE, body: { ...UNAVAILABLE, requestId } };
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    body: { code: 'INTERNAL_ERROR', message: 'Internal error', requestId },
  };
}
