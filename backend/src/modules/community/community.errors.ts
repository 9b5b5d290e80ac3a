import { HttpStatus } from '@nestjs/common';
import { AppException, fieldError } from '../../common/errors/app-exception';

export const CommunityErrors = {
  notMember: () => new AppException(HttpStatus.FORBIDDEN, 'FORBIDDEN', 'Only members of a community digital technology team may do this'),
  notAppointable: () =>
    new AppException(HttpStatus.CONFLICT, 'NOT_APPOINTABLE', 'Administrators and disabled or deleted accounts cannot be appointed to a team'),
  invalidCard: () => fieldError(HttpStatus.BAD_REQUEST, 'INVALID_CARD', 'code', 'code is not a valid sign-in card'),
  notAssisting: () => new AppException(HttpStatus.NOT_FOUND, 'NOT_FOUND', 'No assisted session in this browser'),
  unknownResidents: () => fieldError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'residentIds', 'residentIds must be residents you registered or helped'),
  visitConflict: () => new AppException(HttpStatus.CONFLICT, 'IDEMPOTENCY_CONFLICT', 'A different visit was already stored with this id'),
};
