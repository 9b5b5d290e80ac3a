/** Seconds a client is asked to wait when the database or Redis is away: a restart takes a few. */
export const RETRY_AFTER_SECONDS = 3;

/** Errors of a socket that could not reach, or lost, its server. */
const SOCKET_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/**
 * PostgreSQL refusing for a while: shutting down (57P01, 57P02), starting up (57P03), connection
 * failures (class 08), too many connections (53300). Nothing about the request itself.
 */
const PG_UNAVAILABLE = /^(08...|57P0[123]|53300)$/;
/** What pg, pg-pool and ioredis say when the connection is lost or cannot be made in time. */
const LOST_CONNECTION = /^(Connection terminated|timeout exceeded when trying to connect|Connection is closed|Client has encountered a connection error|Reached the max retries per request limit)/;

type Failure = { code?: unknown; message?: unknown; name?: unknown; driverError?: unknown; cause?: unknown };

/**
 * True when an error means the database (or Redis) is unreachable right now, not that the request
 * is wrong: the API answers 503 with Retry-After, and recovers by itself when the server is back
 * (the pools open new connections). TypeORM wraps the driver's error, so the wrapped one is checked too.
 */
export function isServiceUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const e = error as Failure;
  if (typeof e.code === 'string' && (SOCKET_ERRORS.has(e.code) || PG_UNAVAILABLE.test(e.code))) return true;
  if (typeof e.message === 'string' && LOST_CONNECTION.test(e.message)) return true;
  if (e.name === 'MaxRetriesPerRequestError') return true;
  return isServiceUnavailable(e.driverError, depth + 1) || isServiceUnavailable(e.cause, depth + 1);
}
