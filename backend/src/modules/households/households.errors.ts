import { HttpStatus } from '@nestjs/common';
import { AppException, fieldError } from '../../common/errors/app-exception';

export const HouseholdErrors = {
  alreadyMember: () => new AppException(HttpStatus.CONFLICT, 'ALREADY_IN_HOUSEHOLD', 'Leave your current household first'),
  unknownCode: () => fieldError(HttpStatus.NOT_FOUND, 'INVITATION_NOT_FOUND', 'code', 'No household has this code'),
  invalidLogin: () => fieldError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'login', 'login must be a Vietnamese mobile number or an email address'),
  removed: () => new AppException(HttpStatus.FORBIDDEN, 'REMOVED_FROM_HOUSEHOLD', 'The owner removed you from this household: only a new invitation lets you back'),
  notMember: () => new AppException(HttpStatus.NOT_FOUND, 'NOT_FOUND', 'You are not in a household'),
  ownerOnly: () => new AppException(HttpStatus.FORBIDDEN, 'FORBIDDEN', 'Only the household’s owner may do this'),
  nationOnly: () => new AppException(HttpStatus.FORBIDDEN, 'FORBIDDEN', 'Only national administrators set the household rule'),
};
