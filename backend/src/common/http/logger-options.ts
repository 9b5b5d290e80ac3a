import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
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
  });
}

/**
 * One pino logger for the application's own lines. No per-request middleware from nestjs-pino:
 * pino-http's child logger per request and its AsyncLocalStorage cost more than a whole lesson read,
 * even when nothing is logged. `requestLogging` below does the request id and the access log instead.
 */
export function loggerOptions(config: AppConfig): Params {
  return { pinoHttp: { logger: rootLogger(config) }, useExisting: true, forRoutes: [] };
}

/**
 * Gives each request an id (the caller's `x-request-id` if it is safe, else a new one), echoes it in
 * the response, and writes a "request completed" line when the level is info or finer.
 */
export function requestLogging({ pinoHttp }: Params) {
  const { logger } = pinoHttp as { logger: Logger };
  const logRequests = logger.isLevelEnabled('info');
  return (req: IncomingMessage & { id?: string }, res: ServerResponse, next: () => void): void => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    req.id = id;
    res.setHeader('x-request-id', id);
    if (logRequests && !(req.url ?? '').startsWith('/api/health')) {
      const started = performance.now();
      res.once('finish', () => {
        logger.info({ requestId: id, req, res, responseTime: Math.round(performance.now() - started) }, 'request completed');
      });
    }
    next();
  };
}
