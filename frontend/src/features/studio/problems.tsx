import { ApiRequestError } from '../../lib/api-client';
import { useStudioT } from './i18n';
import type { Problem } from './types';

/** The validator's problems about one thing of the course (`entityId` omitted: the course itself). */
export const problemsOf = (problems: Problem[], entity: NonNullable<Problem['entity']>, entityId?: string) =>
  problems.filter((p) => p.entity === entity && (entityId === undefined || p.entityId === entityId));

/** The validator's problems a refusal (422 STUDIO_INVALID) carries, if any. */
export const problemsIn = (error: unknown): Problem[] =>
  error instanceof ApiRequestError ? ((error.body.details as { problems?: Problem[] } | undefined)?.problems ?? []) : [];

/**
 * Why the checks refused a file (its type, bytes, size, script in an SVG), in the checker's words:
 * shown after the Vietnamese sentence, so the person knows what to change.
 */
export function RefusalReason({ error }: { error: unknown }) {
  const { t } = useStudioT();
  const reason = error instanceof ApiRequestError && ['MEDIA_REFUSED', 'ZIP_REFUSED', 'STUDIO_LIMIT'].includes(error.body.code) ? error.fieldErrors()[0]?.message : undefined;
  if (!reason) return null;
  return (
    <p className="hint">
      {t('problems.reason')} <span lang="en">{reason}</span>
    </p>
  );
}

/** The problems of one field, as one sentence to show under it. */
export const fieldProblem = (problems: Problem[], field: string) =>
  problems
    .filter((p) => p.field === field)
    .map((p) => p.message)
    .join(' ') || undefined;

/**
 * The validator's problems, each with its line; `onLine` makes the line a button that takes the
 * caret there (a lesson's line counts in its text, without the front matter). Warnings are told apart from errors in words, not only by colour.
 */
export function ProblemList({ problems, onLine, title }: { problems: Problem[]; onLine?: (line: number) => void; title?: string }) {
  const { t } = useStudioT();
  if (problems.length === 0) return null;
  return (
    <div className="problems" role="region" aria-label={title ?? t('problems.title')}>
      <p>
        <strong>{title ?? t('problems.title')}</strong>
      </p>
      <ul>
        {problems.map((p, i) => (
          <li key={`${p.file}:${p.line}:${i}`} className={p.warning ? 'warning' : 'error'}>
            <span className="problem-kind">{p.warning ? t('problems.warning') : t('problems.error')}</span>{' '}
            {onLine && (p.bodyLine ?? p.line) > 0 ? (
              <button type="button" className="link-button" onClick={() => onLine(p.bodyLine ?? p.line)}>
                {t('problems.line', { line: p.bodyLine ?? p.line })}
              </button>
            ) : (
              <span className="meta">{t('problems.where', { file: p.file, line: p.line })}</span>
            )}
            {': '}
            {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
