import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Alert } from '../../components/ui/feedback';
import { generalMessage } from '../../lib/form-errors';
import { type AnswerValue, type Attempt, saveAnswers, useSubmitAttempt } from './api';
import { quizPath } from './paths';
import { QuestionInput } from './question-input';
import { TimeLeft } from './quiz-overview';

type Answers = Record<string, AnswerValue>;
const draftKey = (id: string) => `bdhvs.answers.${id}`;

/** What is sent: empty choices dropped, and an untouched ordering sent as shown. */
function clean(attempt: Attempt, answers: Answers): Answers {
  const out: Answers = {};
  for (const q of attempt.questions) {
    const a = answers[q.id];
    if (q.type === 'ordering') out[q.id] = { order: a?.order ?? q.options!.map((o) => o.key) };
    else if (q.type === 'matching' && a?.matches) out[q.id] = { matches: Object.fromEntries(Object.entries(a.matches).filter(([, r]) => r)) };
    else if (a) out[q.id] = a;
  }
  return out;
}

/**
 * An open attempt. Answers are kept in the browser at every change and saved to the server shortly
 * after, so neither a reload nor a dropped connection loses them; handing in goes through the outbox.
 */
export function AttemptRunner({ attempt }: { attempt: Attempt }) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Answers>(() => {
    const draft = localStorage.getItem(draftKey(attempt.id));
    return { ...attempt.answers, ...(draft ? (JSON.parse(draft) as Answers) : {}) };
  });
  const submit = useSubmitAttempt(attempt.id);
  const saveTimer = useRef<number | undefined>(undefined);

  useEffect(() => {
    localStorage.setItem(draftKey(attempt.id), JSON.stringify(answers));
    window.clearTimeout(saveTimer.current);
    saveTimer.current = window.setTimeout(() => {
      if (navigator.onLine) saveAnswers(attempt.id, clean(attempt, answers)).catch(() => undefined);
    }, 1500);
    return () => window.clearTimeout(saveTimer.current);
  }, [answers, attempt]);

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    window.clearTimeout(saveTimer.current);
    submit.mutate(clean(attempt, answers), {
      onSuccess: (result) => {
        if (result.status !== 'rejected') localStorage.removeItem(draftKey(attempt.id));
      },
    });
  };

  if (submit.data?.status === 'queued') {
    return (
      <>
        <Alert kind="info">{t('quiz.submittedOffline')}</Alert>
        <p>
          <Link to={quizPath(attempt.quiz.courseSlug, attempt.quiz.slug)}>{t('quiz.backToQuiz')}</Link>
        </p>
      </>
    );
  }
  const answered = attempt.questions.filter((q) => {
    const a = answers[q.id];
    return Boolean(a?.choices?.length || a?.text?.trim() || a?.order || Object.values(a?.matches ?? {}).some(Boolean));
  }).length;

  return (
    <form onSubmit={onSubmit} noValidate>
      {attempt.deadlineAt && <TimeLeft deadlineAt={attempt.deadlineAt} serverNow={attempt.serverNow} />}
      {attempt.questions.map((q, i) => (
        <QuestionInput key={q.id} question={q} number={i + 1} value={answers[q.id]} onChange={(value) => setAnswers((old) => ({ ...old, [q.id]: value }))} />
      ))}
      {submit.isError && <Alert kind="error">{generalMessage(t, submit.error)}</Alert>}
      {submit.data?.status === 'rejected' && <Alert kind="error">{t('quiz.submitRejected')}</Alert>}
      <p className="hint">{t('quiz.answered', { answered, total: attempt.questions.length })}</p>
      <p className="actions">
        <button type="submit" className="button primary" disabled={submit.isPending}>
          {t('quiz.submit')}
        </button>
      </p>
    </form>
  );
}
