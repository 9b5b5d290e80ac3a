import type { TFunction } from 'i18next';
import { ApiRequestError } from './api-client';

/**
 * Vietnamese (or English) text for an API error on a field: by error code first, then by field,
 * never the server's English message.
 */
export function fieldMessage(t: TFunction, code: string, field: string): string {
  const byCode = `errors.codes.${code}`;
  if (code !== 'VALIDATION_FAILED' && t(byCode, { defaultValue: '' })) return t(byCode);
  return t(`errors.fields.${field}`, { defaultValue: t('errors.invalid') });
}

/** A sentence for an error with no field (network down, locked account, rate limit…). */
export function generalMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiRequestError)) return t('errors.network');
  const { code, details } = error.body;
  if (code === 'ACCOUNT_LOCKED' && details && !Array.isArray(details)) {
    const minutes = Math.ceil(Number(details.retryAfterSeconds ?? 900) / 60);
    return t('errors.codes.ACCOUNT_LOCKED', { minutes });
  }
  return t(`errors.codes.${code}`, { defaultValue: t('errors.generic') });
}
