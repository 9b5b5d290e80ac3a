import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './api-schema';

export type Schemas = components['schemas'];
export type Me = Schemas['MeResponseDto'];

/** The API's error body: `details` names fields for validation errors. */
export type ApiError = {
  code: string;
  message: string;
  details?: { field: string; message: string }[] | Record<string, unknown>;
  requestId: string;
};

const CSRF_COOKIE = 'csrf_token';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function readCookie(name: string): string | undefined {
  return document.cookie
    .split('; ')
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}

export async function csrfToken(): Promise<string> {
  const existing = readCookie(CSRF_COOKIE);
  if (existing) return decodeURIComponent(existing);
  return freshCsrfToken();
}

/** A new token for the session the browser holds now (the server binds each token to its session). */
async function freshCsrfToken(): Promise<string> {
  const res = await fetch('/api/auth/csrf', { credentials: 'same-origin' });
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

/**
 * fetch for writes that tries once more with a fresh CSRF token when the server refuses the one the
 * page held: it belongs to another session after signing in or out in another tab.
 */
export async function fetchWithCsrf(input: Request): Promise<Response> {
  const spare = UNSAFE.has(input.method) ? input.clone() : null;
  const res = await fetch(input);
  if (!spare || res.status !== 403) return res;
  const body = (await res.clone().json().catch(() => null)) as { code?: string } | null;
  if (body?.code !== 'CSRF_INVALID') return res;
  spare.headers.set('x-csrf-token', await freshCsrfToken());
  return fetch(spare);
}

/** Every write carries the CSRF header; nothing else in the app needs to know about it. */
const csrf: Middleware = {
  async onRequest({ request }) {
    if (UNSAFE.has(request.method)) request.headers.set('x-csrf-token', await csrfToken());
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: '/', credentials: 'same-origin', fetch: fetchWithCsrf });
api.use(csrf);

/** Thrown by `unwrap` so TanStack Query and forms see one error type. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError,
  ) {
    super(body.code);
  }

  fieldErrors(): { field: string; message: string }[] {
    return Array.isArray(this.body.details) ? this.body.details : [];
  }
}

/** Returns the data of an openapi-fetch result or throws its error as an ApiRequestError. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    const body = (result.error ?? {}) as Partial<ApiError>;
    throw new ApiRequestError(result.response.status, {
      code: body.code ?? 'NETWORK_ERROR',
      message: body.message ?? '',
      details: body.details,
      requestId: body.requestId ?? '',
    });
  }
  return result.data as T;
}
