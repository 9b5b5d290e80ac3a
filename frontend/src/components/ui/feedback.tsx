import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** A message the screen reader announces: errors interrupt, successes wait their turn. */
export function Alert({ kind, children }: { kind: 'error' | 'success' | 'info'; children: ReactNode }) {
  return (
    <div className={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/**
 * After a failed submit: the list of problems, focused, each linking to its field. With `focusKey`,
 * the list may change as the person fixes things and takes focus only when the key changes (a refusal).
 */
export function ErrorSummary({ errors, focusKey }: { errors: { field: string; message: string }[]; focusKey?: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // Focus follows the trigger: a new list of errors, or a new refusal when a key is given.
  const trigger = focusKey ?? errors;
  useEffect(() => {
    if (focusKey === undefined ? errors.length > 0 : focusKey > 0) ref.current?.focus();
  }, [trigger]);
  if (errors.length === 0) return null;
  return (
    <div className="alert alert-error" role="alert" tabIndex={-1} ref={ref}>
      <p>
        <strong>{t('errors.summary')}</strong>
      </p>
      <ul>
        {errors.map((e) => (
          <li key={e.field}>
            <a href={`#${e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Spinner() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('app.loading')}
    </p>
  );
}
