import type { TFunction } from 'i18next';
import type { FieldErrors, FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiRequestError } from './api-client';
import { fieldMessage, generalMessage } from './form-errors';

/**
 * Puts an API error on the fields it names (translated), and returns a sentence for the rest,
 * or null when every problem belongs to a field.
 */
export function applyApiError<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, t: TFunction, fields: readonly string[]): string | null {
  if (error instanceof ApiRequestError) {
    const own = error.fieldErrors().filter((e) => fields.includes(e.field));
    own.forEach((e, i) => setError(e.field as Path<T>, { message: fieldMessage(t, error.body.code, e.field) }, { shouldFocus: i === 0 }));
    if (own.length > 0 && own.length === error.fieldErrors().length) return null;
  }
  return generalMessage(t, error);
}

/** react-hook-form errors as a list for the error summary, in field order. */
export function summaryOf<T extends FieldValues>(errors: FieldErrors<T>, order: readonly string[]) {
  return order.flatMap((field) => {
    const message = errors[field]?.message;
    return typeof message === 'string' ? [{ field, message }] : [];
  });
}
