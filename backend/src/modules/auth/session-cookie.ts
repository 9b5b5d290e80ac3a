import type { FastifyReply } from 'fastify';
import type { AppConfig } from '../../config/config';
import { DEVICE_COOKIE } from './login-throttle';

export const SESSION_COOKIE = 'sid';

export function setSessionCookie(reply: FastifyReply, token: string, config: AppConfig): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.session.cookieSecure,
    path: '/',
    maxAge: config.session.ttlHours * 3600, // seconds, as Set-Cookie counts them
  });
}

export function clearSessionCookie(reply: FastifyReply, config: AppConfig): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: config.session.cookieSecure, path: '/' });
}

/** The device's standing with its account (see `LoginThrottle`): a year, renewed at each sign-in. */
export function setDeviceCookie(reply: FastifyReply, value: string, config: AppConfig): void {
  reply.setCookie(DEVICE_COOKIE, value, { httpOnly: true, sameSite: 'lax', secure: config.session.cookieSecure, path: '/api/auth', maxAge: 365 * 24 * 3600 });
}
