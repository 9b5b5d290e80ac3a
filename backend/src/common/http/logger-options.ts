import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import pino, { type Logger } from 'pino';
import type { AppConfig } from '../../config/config';

const SAFE_REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;

/** Paths only: query strings may carry a phone number someone searched for. */
const pathOnly = (url: string | undefined) => (url ?? '').split('?')[0];

function rootLogger(config: AppConfig): Logger {
  return pino({
    level: config.logLevel,
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: pathOnly(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    // Belt and braces: these never reach a log line even if someone logs a whole object.
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password', '*.phone', '*.email', '*.newPassword', '*.currentPassword', '*.code'],
      censor: '[redacted]',
    },
  }, config.logFile ? pino.destination({ dest: config.logFile, append: true, mkdir: true }) : undefined);
}

/**
 * One pino logger for the application's own lines. No per-request middleware from nestjs-pino:
 * pino-http's child logger per request and its AsyncLocalStorage cost more than a whole lesson read,
 * even when nothing is logged. `requestIdFor` and `requestLogging` below do the request id and the access log instead.
 */
export function loggerOptions(config: AppConfig): Params {
  return { pinoHttp: { logger: rootLogger(config) }, useExisting: true, forRoutes: [] };
}

/** The request's id: the caller's `x-request-id` if it is safe, else a new one (Fastify's `genReqId`). */
export function requestIdFor(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** Echoes the request id in the response and writes a "request completed" line when the level is info or finer. */
export function requestLogging(fastify: FastifyInstance, { pinoHttp }: Params): void {
  const { logger } = pinoHttp as { logger: Logger };
  fastify.addHook('onRequest', (req: FastifyRequest, reply: FastifyReply, done: () => void) => {
    reply.header('x-request-id', req.id);
    done();
  });
  if (!logger.isLevelEnabled('info')) return;
  fastify.addHook('onResponse', (req: FastifyRequest, reply: FastifyReply, done: () => void) => {
    if (!req.url.startsWith('/api/health')) {
      logger.info({ requestId: req.id, req: req.raw, res: reply.raw, responseTime: Math.round(reply.elapsedTime) }, 'request completed');
    }
    done();
  });
}
