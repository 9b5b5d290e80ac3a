import { HttpStatus } from '@nestjs/common';
import { AppException, fieldError } from '../../common/errors/app-exception';

export const AuthErrors = {
  invalidCredentials: () =>
    new AppException(HttpStatus.UNAUTHORIZED, 'INVALID_CREDENTIALS', 'Wrong login or password'),
  locked: (retryAfterSeconds: number) =>
    new AppException(HttpStatus.LOCKED, 'ACCOUNT_LOCKED', 'Too many failed attempts; the account is locked for a while', {
      retryAfterSeconds,
    }),
  ipBlocked: () => new AppException(HttpStatus.TOO_MANY_REQUESTS, 'RATE_LIMITED', 'Too many failed logins from this address'),
  disabled: () => new AppException(HttpStatus.FORBIDDEN, 'ACCOUNT_DISABLED', 'This account has been disabled'),
  loginTaken: (field: 'phone' | 'email') =>
    fieldError(HttpStatus.CONFLICT, 'LOGIN_TAKEN', field, `An account with this ${field} already exists`),
  loginRequired: () => fieldError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'phone', 'phone or email is required'),
  unitNotFound: () => fieldError(HttpStatus.BAD_REQUEST, 'UNIT_NOT_FOUND', 'unitId', 'unitId is not an active commune or ward'),
  organisationIncomplete: () =>
    fieldError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'organisationKind', 'organisationKind and organisationName go together'),
  consentOutdated: () =>
    fieldError(HttpStatus.BAD_REQUEST, 'CONSENT_OUTDATED', 'consentVersion', 'consentVersion is not the current consent text'),
  wrongPassword: () => fieldError(HttpStatus.BAD_REQUEST, 'WRONG_PASSWORD', 'currentPassword', 'currentPassword is wrong'),
  invalidResetCode: () => fieldError(HttpStatus.BAD_REQUEST, 'INVALID_RESET_CODE', 'code', 'code is wrong or expired'),
};

/** Postgres unique violations on the login hashes become a 409 naming the field. */
export function loginConflict(err: unknown): AppException | null {
  const e = err as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e.driverError?.code ?? e.code;
  const constraint = e.driverError?.constraint ?? e.constraint ?? '';
  if (code !== '23505') return null;
  if (constraint.includes('phone')) return AuthErrors.loginTaken('phone');
  if (constraint.includes('email')) return AuthErrors.loginTaken('email');
  return null;
}
