import { useStudioT } from './i18n';
import type { Problem } from './types';

/** The validator's problems about one thing of the course (`entityId` omitted: the course itself). */
export const problemsOf = (problems: Problem[], entity: NonNullable<Problem['entity']>, entityId?: string) =>
  problems.filter((p) => p.entity === entity && (entityId === undefined || p.entityId === entityId));

/** The problems of one field, as one sentence to show under it. */
export const fieldProblem = (problems: Problem[], field: string) =>
  problems
    .filter((p) => p.field === field)
    .map((p) => p.message)
    .join(' ') || undefined;

/**
 * The validator's problems, each with its line; `onLine` makes the line a button that takes the
 * caret there. Warnings are told apart from errors in words, not only by colour.
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
            {onLine && p.line > 0 ? (
              <button type="button" className="link-button" onClick={() => onLine(p.line)}>
                {t('problems.line', { line: p.line })}
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
