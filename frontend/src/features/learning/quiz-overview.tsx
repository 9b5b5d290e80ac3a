import { useQuery } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, Spinner } from '../../components/ui/feedback';
import { ApiRequestError } from '../../lib/api-client';
import { generalMessage } from '../../lib/form-errors';
import { quizQuery, useStartAttempt } from './api';
import { attemptPath, coursePath } from './paths';
import { QueryError } from '../../components/connection/query-error';

/** A quiz's rules, the learner's attempts, and the button to start or continue (with the cooldown counted down). */
export function QuizOverview({ slug, quiz, onTitle }: { slug: string; quiz: string; onTitle: (title: string) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const query = useQuery(quizQuery(slug, quiz));
  const start = useStartAttempt(slug, quiz);
  const title = query.data?.title;
  // Before the browser paints: the heading gets its (longer) title in the same frame as the page, so nothing below it moves.
  useLayoutEffect(() => {
    if (title) onTitle(title);
  }, [title, onTitle]);
  const waitSeconds = useCountdown(query.data?.nextAttemptAt ?? null, query.data?.serverNow);

  if (query.isPending) return <Spinner />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const q = query.data;
  const attemptsLeft = q.maxAttempts === null ? null : q.maxAttempts - q.attemptsUsed;
  const canStart = !q.locked && (q.openAttemptId !== null || ((attemptsLeft === null || attemptsLeft > 0) && waitSeconds <= 0));
  const startError = start.error instanceof ApiRequestError ? start.error.body.code : null;

  return (
    <>
      <p className="meta">
        <Link to={coursePath(slug)}>{t('lesson.backToCourse')}</Link>
      </p>
      <ul className="quiz-rules">
        <li>{t('quiz.questions', { count: q.questionCount })}</li>
        <li>{t('quiz.passMark', { percent: q.passPercent })}</li>
        <li>{q.timeLimitSeconds ? t('quiz.timeLimit', { minutes: Math.round(q.timeLimitSeconds / 60) }) : t('quiz.noTimeLimit')}</li>
        <li>{q.maxAttempts === null ? t('quiz.unlimitedAttempts') : t('quiz.attemptsLeft', { left: attemptsLeft, max: q.maxAttempts })}</li>
        {q.cooldownSeconds > 0 && <li>{t('quiz.cooldown', { minutes: Math.ceil(q.cooldownSeconds / 60) })}</li>}
      </ul>
      {q.passed && <Alert kind="success">{t('quiz.alreadyPassed', { score: Math.round(q.bestScore ?? 0) })}</Alert>}
      {q.locked && <Alert kind="info">{t('quiz.locked')}</Alert>}
      {waitSeconds > 0 && q.openAttemptId === null && <Alert kind="info">{t('quiz.wait', { time: formatDuration(waitSeconds) })}</Alert>}
      {attemptsLeft === 0 && q.openAttemptId === null && <Alert kind="info">{t('quiz.noAttemptsLeft')}</Alert>}
      {startError && startError !== 'QUIZ_COOLDOWN' && <Alert kind="error">{generalMessage(t, start.error)}</Alert>}
      <p className="actions">
        <button
          type="button"
          className="button primary"
          disabled={!canStart || start.isPending}
          onClick={() => start.mutate(undefined, { onSuccess: (attempt) => navigate(attemptPath(attempt.id)) })}
        >
          {t(q.openAttemptId ? 'quiz.continue' : q.attemptsUsed > 0 ? 'quiz.retry' : 'quiz.start')}
        </button>
      </p>
      {q.attempts.length > 0 && (
        <>
          <h2>{t('quiz.yourAttempts')}</h2>
          <ol className="attempt-list">
            {q.attempts.map((a) => (
              <li key={a.id}>
                <Link to={attemptPath(a.id)}>
                  {a.status === 'submitted'
                    ? t('quiz.attemptResult', { number: a.number, score: Math.round(a.scorePercent ?? 0) })
                    : t('quiz.attemptOpen', { number: a.number })}
                </Link>{' '}
                {a.status === 'submitted' && <strong>{t(a.passed ? 'quiz.passed' : a.late ? 'quiz.late' : 'quiz.notPassed')}</strong>}
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

/** Seconds until `until` by the server's clock (the phone's clock may be wrong), ticking every second. */
export function useCountdown(until: string | null, serverNow: string | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  const offset = useMemo(() => (serverNow ? new Date(serverNow).getTime() - Date.now() : 0), [serverNow]);
  useEffect(() => {
    if (!until) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [until]);
  return until ? Math.max(0, Math.ceil((new Date(until).getTime() - (now + offset)) / 1000)) : 0;
}

export const formatDuration = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/** The time left before a deadline, by the server's clock; announced politely in the last minute. */
export function TimeLeft({ deadlineAt, serverNow }: { deadlineAt: string; serverNow: string }) {
  const { t } = useTranslation();
  const secondsLeft = useCountdown(deadlineAt, serverNow);
  return (
    <p className="timer" role="timer" aria-live={secondsLeft <= 60 ? 'polite' : 'off'}>
      {secondsLeft > 0 ? t('quiz.timeLeft', { time: formatDuration(secondsLeft) }) : t('quiz.timeUp')}
    </p>
  );
}
