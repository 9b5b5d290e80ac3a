import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../../lib/api-client';
import { fieldMessage, generalMessage } from '../../lib/form-errors';
import { useStudioT } from './i18n';

/**
 * Vietnamese (or English) sentences for the studio's API errors: the studio's own codes and fields
 * first, then the app's common ones; never the server's English message.
 */
export function useErrorText() {
  const { t } = useTranslation();
  const { t: st } = useStudioT();
  const general = (error: unknown): string => {
    if (error instanceof ApiRequestError) {
      const own = st(`errors.codes.${error.body.code}`, { defaultValue: '' });
      if (own) return own;
    }
    return generalMessage(t, error);
  };
  /** By the error's code first (unless it only says "invalid"), then by the field; the studio's words before the app's. */
  const field = (error: ApiRequestError, name: string): string => {
    const byCode = error.body.code === 'VALIDATION_FAILED' ? '' : st(`errors.codes.${error.body.code}`, { defaultValue: '' });
    return byCode || st(`errors.fields.${name}`, { defaultValue: '' }) || fieldMessage(t, error.body.code, name);
  };
  return { general, field };
}

/** The API's field errors as `{ field: sentence }`, and whether any error is left without a field. */
export function useFieldErrors(error: unknown, fields: readonly string[]) {
  const text = useErrorText();
  if (!(error instanceof ApiRequestError)) return { byField: {} as Record<string, string>, rest: error ? text.general(error) : null };
  const own = error.fieldErrors().filter((e) => fields.includes(e.field));
  const byField = Object.fromEntries(own.map((e) => [e.field, text.field(error, e.field)]));
  return { byField, rest: own.length > 0 && own.length === error.fieldErrors().length ? null : text.general(error) };
}
