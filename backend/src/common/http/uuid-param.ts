import { HttpStatus, Param, ParseUUIDPipe } from '@nestjs/common';
import { fieldError } from '../errors/app-exception';

/** A route parameter that must be a UUID; anything else is a 400 naming the parameter. */
export const UuidParam = (name: string) =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => fieldError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', name, `${name} must be a UUID`),
    }),
  );
