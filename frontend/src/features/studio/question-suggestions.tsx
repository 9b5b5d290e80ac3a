import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert } from '../../components/ui/feedback';
import { SelectField, TextField } from '../../components/ui/fields';
import { suggestionAvailabilityQuery, useSuggestQuestions } from './api';
import { useErrorText } from './errors';
import { useStudioT } from './i18n';
import { studioPath } from './studio-home';
import type { Course } from './types';

/**
 * "Gợi ý câu hỏi": the assistant drafts questions from a lesson. They land in the bank as drafts, each
 * with a link to look at and fix it; they reach learners only when the course passes review. Without a
 * model the button stays, disabled, with the reason beside it.
 */
export function QuestionSuggestions({ course }: { course: Course }) {
  const { t } = useStudioT();
  const errorText = useErrorText();
  const availability = useQuery(suggestionAvailabilityQuery());
  const suggest = useSuggestQuestions(course.id);
  const lessons = course.lessons.filter((l) => !l.archived);
  const [lessonId, setLessonId] = useState(lessons[0]?.id ?? '');
  const [count, setCount] = useState(String(availability.data?.defaultCount ?? 5));
  const [error, setError] = useState('');
  // One key per request the author means: a network retry of the same one creates nothing twice.
  const key = useRef(crypto.randomUUID());
  const max = availability.data?.maxCount ?? 10;
  const unavailable = availability.data && !availability.data.available ? t(`suggest.unavailable.${availability.data.reason ?? 'not_configured'}`) : '';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(count);
    if (!Number.isInteger(n) || n < 1 || n > max) {
      setError(t('suggest.countRange', { max }));
      return;
    }
    setError('');
    suggest.mutate({ lessonId, count: n, idempotencyKey: key.current }, { onSettled: () => (key.current = crypto.randomUUID()) });
  };

  if (!lessons.length) return null;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="suggest-title" className="studio-box">
      <h2 id="suggest-title">{t('suggest.title')}</h2>
      <p className="hint">{t('suggest.hint')}</p>
      <SelectField label={t('suggest.lesson')} name="suggest-lesson" value={lessonId} onChange={(e) => setLessonId(e.target.value)} disabled={suggest.isPending}>
        {lessons.map((l) => (
          <option key={l.id} value={l.id}>
            {l.title}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('suggest.count')}
        hint={t('suggest.countHint', { max })}
        error={error}
        name="suggest-count"
        type="number"
        inputMode="numeric"
        min={1}
        max={max}
        value={count}
        onChange={(e) => setCount(e.target.value)}
        disabled={suggest.isPending}
      />
      {unavailable && (
        <p className="hint" id="suggest-unavailable">
          {unavailable}
        </p>
      )}
      <button type="submit" className="button primary" disabled={!!unavailable || suggest.isPending} aria-describedby={unavailable ? 'suggest-unavailable' : undefined}>
        {t('suggest.submit')}
      </button>
      <div role="status">
        {suggest.isPending && <p className="loading">{t('suggest.working')}</p>}
      </div>
      {suggest.isError && <Alert kind="error">{errorText.general(suggest.error)}</Alert>}
      {suggest.isSuccess && (
        <>
          <Alert kind="success">
            {t(suggest.data.replayed ? 'suggest.replayed' : 'suggest.done', { count: suggest.data.questions.length })}
            {suggest.data.dropped > 0 && ` ${t('suggest.dropped', { count: suggest.data.dropped })}`}
          </Alert>
          <ul>
            {suggest.data.questions.map((q) => (
              <li key={q.id}>
                <Link to={studioPath(course.id, `/cau-hoi/${q.id}`)}>{q.prompt}</Link> <span className="meta">({t(`types.${q.type}`)})</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </form>
  );
}
