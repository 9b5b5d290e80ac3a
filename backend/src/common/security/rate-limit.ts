import { SetMetadata, type ExecutionContext } from '@nestjs/common';

const AUTH_RATE_LIMITED = 'throttle:auth';
/** Routes that guess-able secrets pass through (login, reset) get the stricter per-minute limit. */
export const AuthRateLimited = () => SetMetadata(AUTH_RATE_LIMITED, true);

export const isAuthRateLimited = (ctx: ExecutionContext): boolean =>
  Boolean(Reflect.getMetadata(AUTH_RATE_LIMITED, ctx.getHandler()) ?? Reflect.getMetadata(AUTH_RATE_LIMITED, ctx.getClass()));
