import { HttpStatus } from '@nestjs/common';
import { AppException, fieldError } from '../../common/errors/app-exception';

export const AmbassadorErrors = {
  notAmbassador: () => new AppException(HttpStatus.FORBIDDEN, 'FORBIDDEN', 'Only digital ambassadors may do this'),
  noRecord: () => new AppException(HttpStatus.CONFLICT, 'RECORD_REQUIRED', 'A digital ambassador holds a completion record first'),
  unknownCode: () => fieldError(HttpStatus.NOT_FOUND, 'INVITATION_NOT_FOUND', 'code', 'No digital ambassador has this code'),
  ownCode: () => fieldError(HttpStatus.BAD_REQUEST, 'OWN_CODE', 'code', 'This is your own code: give it to the people you guide'),
  reminderLimit: (perDay: number) =>
    new AppException(HttpStatus.TOO_MANY_REQUESTS, 'REMINDER_LIMIT', `At most ${perDay} reminders a day`, { perDay }),
};
