import { HttpException, HttpStatus } from '@nestjs/common';

export type FieldError = { field: string; message: string };

/**
 * Every error the API means to send: a stable machine code, an English message for developers,
 * and details the UI turns into Vietnamese (for validation: one entry per field).
 */
export class AppException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: string,
    message: string,
    readonly details?: FieldError[] | Record<string, unknown>,
  ) {
    super({ code, message, details }, status);
  }
}

export const fieldError = (status: HttpStatus, code: string, field: string, message: string) =>
  new AppException(status, code, message, [{ field, message }]);

export const notFound = (what: string) => new AppException(HttpStatus.NOT_FOUND, 'NOT_FOUND', `${what} not found`);

export const forbidden = (message = 'You may not do this') =>
  new AppException(HttpStatus.FORBIDDEN, 'FORBIDDEN', message);
