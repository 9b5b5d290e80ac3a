import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Alert, ErrorSummary } from '../../components/ui/feedback';
import { generalMessage } from '../../lib/form-errors';
import type { LearnerQuestion } from '../learning/api';
import { QuestionInput } from '../learning/question-input';
import { TimeLeft } from '../learning/quiz-overview';
import { type Answers, type AssessmentAttempt, draftStorage as draftKey, type Ratings, saveAssessment, useSubmitAssessment } from './api';
import { byDomain } from './assessment-home';
import './strings';

export const ratingId = (code: string) => `rating-${code.replace(/\W/g, '-')}`;

/** What is sent: empty choices dropped, an untouched ordering sent as shown. */
function clean(questions: LearnerQuestion[], answers: Answers): Answers {
  const out: Answers = {};
  for (const q of questions) {
    const a = answers[q.id];
    if (q.type === 'ordering') out[q.id] = { order: a?.order ?? q.options!.map((o) => o.key) };
    else if (q.type === 'matching' && a?.matches) out[q.id] = { matches: Object.fromEntries(Object.entries(a.matches).filter(([, r]) => r)) };
    else if (a) out[q.id] = a;
  }
  return out;
}

const isAnswered = (a: Answers[string] | undefined) => Boolean(a?.choices?.length || a?.text?.trim() || a?.order || Object.values(a?.matches ?? {}).some(Boolean));

type Draft = { ratings: Ratings; answers: Answers };

/**
 * An open self-assessment: part 1 rates each competency on the five-point scale, part 2 is the
 * knowledge questions. Kept in the browser at every change and saved to the server shortly after;
 * handing in goes through the outbox with one Idempotency-Key per attempt.
 */
export function AssessmentRunner({ attempt }: { attempt: AssessmentAttempt }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => {
    const stored = localStorage.getItem(draftKey(attempt.id));
    const local = stored ? (JSON.parse(stored) as Partial<Draft>) : {};
    return { ratings: { ...attempt.ratings, ...local.ratings }, answers: { ...attempt.answers, ...local.answers } };
  });
  const [unrated, setUnrated] = useState<string[]>([]);
  // Bumped at each refused hand-in: the summary takes focus then, not at every later change.
  const [refusals, setRefusals] = useState(0);
  const submit = useSubmitAssessment(attempt.id);
  const saveTimer = useRef<number | undefined>(undefined);
  const { ratings, answers } = draft;

  useEffect(() => {
    localStorage.setItem(draftKey(attempt.id), JSON.stringify(draft));
    window.clearTimeout(saveTimer.current);
    saveTimer.current = window.setTimeout(() => {
      if (navigator.onLine) saveAssessment(attempt.id, { ratings: draft.ratings, answers: clean(attempt.questions, draft.answers) }).catch(() => undefined);
    }, 1500);
    return () => window.clearTimeout(saveTimer.current);
  }, [draft, attempt]);

  const rate = (code: string, value: number) => {
    setDraft((old) => ({ ...old, ratings: { ...old.ratings, [code]: value } }));
    setUnrated((old) => old.filter((c) => c !== code));
  };

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    const missing = attempt.competencies.filter((c) => ratings[c.code] === undefined).map((c) => c.code);
    setUnrated(missing);
    if (missing.length > 0) {
      setRefusals((n) => n + 1);
      return;
    }
    window.clearTimeout(saveTimer.current);
    submit.mutate(
      { ratings, answers: clean(attempt.questions, answers) },
      {
        onSuccess: (result) => {
          if (result.status === 'sent') localStorage.removeItem(draftKey(attempt.id));
          if (result.status === 'rejected') {
            // The server names unrated competencies as `ratings.<code>`.
            const body = result.body as { details?: { field: string }[] } | null;
            const fields = Array.isArray(body?.details) ? body.details.map((d) => d.field) : [];
            const codes = fields.filter((f) => f.startsWith('ratings.')).map((f) => f.slice('ratings.'.length));
            setUnrated(codes);
            if (codes.length > 0) setRefusals((n) => n + 1);
          }
        },
      },
    );
  };

  if (submit.data?.status === 'queued') {
    return (
      <>
        <Alert kind="info">{t('assessment.submittedOffline')}</Alert>
        <p>
          <Link to="/tu-danh-gia">{t('assessment.backHome')}</Link>
        </p>
      </>
    );
  }

  const rated = attempt.competencies.filter((c) => ratings[c.code] !== undefined).length;
  const answered = attempt.questions.filter((q) => isAnswered(answers[q.id])).length;
  const total = attempt.competencies.length + attempt.questions.length;
  const names = new Map(attempt.competencies.map((c) => [c.code, c.name]));
  const errors = unrated.map((code) => ({ field: ratingId(code), message: t('assessment.unrated', { name: names.get(code) ?? code }) }));
  const progress = (where: 'top' | 'bottom') => (
    <div className="assessment-progress">
      <p id={`progress-${where}`}>{t('assessment.progress', { rated, competencies: attempt.competencies.length, answered, questions: attempt.questions.length })}</p>
      <progress max={total} value={rated + answered} aria-labelledby={`progress-${where}`} />
    </div>
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      {attempt.deadlineAt && <TimeLeft deadlineAt={attempt.deadlineAt} serverNow={attempt.serverNow} />}
      {progress('top')}
      <ErrorSummary errors={errors} focusKey={refusals} />

      <h2>{t('assessment.part1Title')}</h2>
      <p className="hint">{t('assessment.part1Hint')}</p>
      {byDomain(attempt.competencies).map((d) => (
        <section key={d.code} aria-labelledby={`domain-${d.code}`}>
          <h3 id={`domain-${d.code}`}>{d.name}</h3>
          {d.items.map((c) => {
            const id = ratingId(c.code);
            const missing = unrated.includes(c.code);
            return (
              <fieldset key={c.code} id={id} tabIndex={-1} className={`question rating${missing ? ' has-error' : ''}`} aria-describedby={missing ? `${id}-error` : undefined}>
                <legend>{c.name}</legend>
                {missing && (
                  <p className="field-error" id={`${id}-error`}>
                    {t('assessment.chooseOne')}
                  </p>
                )}
                {attempt.scale.map((label, value) => (
                  <label key={label} className="choice scale-option">
                    <input type="radio" name={id} checked={ratings[c.code] === value} onChange={() => rate(c.code, value)} />
                    <span>{label}</span>
                  </label>
                ))}
              </fieldset>
            );
          })}
        </section>
      ))}

      {attempt.questions.length > 0 && (
        <>
          <h2>{t('assessment.part2Title')}</h2>
          <p className="hint">{t('assessment.part2Hint')}</p>
          {attempt.questions.map((q, i) => (
            <QuestionInput
              key={q.id}
              question={q}
              number={i + 1}
              value={answers[q.id]}
              onChange={(value) => setDraft((old) => ({ ...old, answers: { ...old.answers, [q.id]: value } }))}
            />
          ))}
        </>
      )}

      {submit.isError && <Alert kind="error">{generalMessage(t, submit.error)}</Alert>}
      {submit.data?.status === 'rejected' && unrated.length === 0 && <Alert kind="error">{t('assessment.submitRejected')}</Alert>}
      {progress('bottom')}
      <p className="actions">
        <button type="submit" className="button primary" disabled={submit.isPending}>
          {submit.isPending ? t('assessment.submitting') : t('assessment.submit')}
        </button>
      </p>
    </form>
  );
}

