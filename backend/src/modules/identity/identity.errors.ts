import { HttpStatus } from '@nestjs/common';
import { AppException, fieldError } from '../../common/errors/app-exception';

/**
 * Why a round trip to an identity provider ended without signing in. The web app shows each in
 * Vietnamese (`identity.failure.<reason>`); the callback passes it in the redirect.
 */
export const IDENTITY_FAILURES = [
  'state', // unknown, replayed, forged or from another browser
  'expired', // the round trip took too long
  'provider_error', // the provider answered with an error (e.g. its session ended, the person cancelled)
  'token', // the provider's answer did not check out (nonce, signature, audience, PKCE)
  'claims_missing', // no citizen identity number among the claims
  'identity_changed', // the provider now gives another identity number for the same account
  'identity_taken', // the identity number or the provider account belongs to another person here
  'not_linked', // a password reset for a provider account linked to nobody here
  'disabled', // the account is disabled
  'unavailable', // the provider could not be reached
] as const;
export type IdentityFailure = (typeof IDENTITY_FAILURES)[number];

/** Thrown inside the callback; the controller turns it into a redirect naming the reason. */
export class IdentityFailed extends Error {
  constructor(readonly reason: IdentityFailure) {
    super(reason);
  }
}

export const IdentityErrors = {
  unknownProvider: () => new AppException(HttpStatus.NOT_FOUND, 'NOT_FOUND', 'Identity provider not found'),
  unavailable: () => new AppException(HttpStatus.SERVICE_UNAVAILABLE, 'IDENTITY_PROVIDER_UNAVAILABLE', 'The identity provider cannot be reached'),
  noPending: () => new AppException(HttpStatus.NOT_FOUND, 'NOT_FOUND', 'No identity sign-in is waiting in this browser'),
  identityTaken: () => new AppException(HttpStatus.CONFLICT, 'IDENTITY_TAKEN', 'This identity already belongs to another account'),
  fieldMissing: (field: 'fullName' | 'birthYear') =>
    fieldError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', field, `${field} is required: the identity provider did not give it`),
};
