import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { Alert } from '../../components/ui/feedback';
import type { Schemas } from '../../lib/api-client';
import { generalMessage } from '../../lib/form-errors';
import { type Attempt, useStartAttempt } from './api';
import { attemptPath, coursePath, quizPath } from './paths';
import { QuizBlock, QuizText } from './quiz-text';

type Result = Schemas['QuestionResultDto'];

/** After handing in: the score, each answer beside the right one, the feedback and the explanation. */
export function AttemptResults({ attempt }: { attempt: Attempt }) {
  const { t } = useTranslation();
  const score = Math.round(attempt.scorePercent ?? 0);
  return (
    <>
      <Alert kind={attempt.passed ? 'success' : 'info'}>
        <p className="score">{t('quiz.score', { score })}</p>
        <p>
          {attempt.passed
            ? t('quiz.resultPassed')
            : attempt.late
              ? t('quiz.resultLate')
              : t('quiz.resultNotPassed', { percent: attempt.quiz.passPercent })}
        </p>
      </Alert>
      {!attempt.passed && <RetryButton attempt={attempt} />}
      <p className="actions">
        <Link className="button primary" to={coursePath(attempt.quiz.courseSlug)}>
          {t('lesson.backToCourse')}
        </Link>
        <Link className="button" to={quizPath(attempt.quiz.courseSlug, attempt.quiz.slug)}>
          {t('quiz.backToQuiz')}
        </Link>
      </p>
      <h2>{t('quiz.review')}</h2>
      {attempt.answersShown ? <QuestionReview results={attempt.results ?? []} /> : <p>{t(`quiz.answersHidden.${attempt.showAnswers}`)}</p>}
    </>
  );
}

/** "Làm lại" right from the result; the server says when a wait or the attempt limit stands in the way. */
function RetryButton({ attempt }: { attempt: Attempt }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const start = useStartAttempt(attempt.quiz.courseSlug, attempt.quiz.slug);
  return (
    <>
      <p className="actions">
        <button type="button" className="button primary" disabled={start.isPending} onClick={() => start.mutate(undefined, { onSuccess: (next) => navigate(attemptPath(next.id)) })}>
          {t('quiz.retry')}
        </button>
      </p>
      {start.isError && <Alert kind="info">{generalMessage(t, start.error)}</Alert>}
    </>
  );
}

/** Each question of a graded attempt: the verdict, the answer beside the right one, the explanation. */
export function QuestionReview({ results }: { results: Result[] }) {
  const { t } = useTranslation();
  return (
    <ol className="results">
      {results.map((r) => (
        <li key={r.id} className={r.score === 1 ? 'right' : 'wrong'}>
          <QuizBlock className="question-prompt" text={r.prompt} html={r.promptHtml} />
          <p className="verdict">
            <strong>{r.score === 1 ? t('quiz.right') : r.score > 0 ? t('quiz.partlyRight') : t('quiz.wrong')}</strong>
          </p>
          <ResultBody result={r} />
          {r.feedback && <p>{r.feedback}</p>}
          {r.explanationHtml === undefined ? (
            <p className="explanation">
              <strong>{t('quiz.explanation')}</strong> {r.explanation}
            </p>
          ) : (
            <div className="explanation">
              <strong>{t('quiz.explanation')}</strong>
              <QuizBlock text={r.explanation} html={r.explanationHtml} />
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

function ResultBody({ result: r }: { result: Result }) {
  const { t } = useTranslation();
  if (r.type === 'short_text' || r.type === 'numerical') {
    return (
      <p>
        {t('quiz.youWrote', { text: r.answer.text || '—' })} {t('quiz.accepted', { answers: (r.accepted ?? []).join('; ') })}
      </p>
    );
  }
  if (r.type === 'ordering') {
    const text = new Map((r.options ?? []).map((o) => [o.key, o.text]));
    return (
      <>
        <p>{t('quiz.rightOrder')}</p>
        <ol>{(r.correctOrder ?? []).map((k) => <li key={k}>{text.get(k)}</li>)}</ol>
      </>
    );
  }
  if (r.type === 'matching') {
    const right = new Map((r.right ?? []).map((o) => [o.key, o.text]));
    return (
      <ul>
        {(r.left ?? []).map((l) => {
          const mine = r.answer.matches?.[l.key];
          const correct = r.correctMatches?.[l.key];
          return (
            <li key={l.key}>
              {l.text} → {right.get(correct ?? '')} {mine !== correct && <span className="meta">({t('quiz.youChose', { text: right.get(mine ?? '') ?? '—' })})</span>}
            </li>
          );
        })}
      </ul>
    );
  }
  const chosen = new Set(r.answer.choices ?? []);
  return (
    <ul className="result-options">
      {(r.options ?? []).map((o) => (
        <li key={o.key} className={o.correct ? 'correct-option' : ''}>
          {o.correct ? '✓' : chosen.has(o.key) ? '✗' : '•'} <QuizText text={o.text} html={o.html} />
          {chosen.has(o.key) && <strong> {t('quiz.yourChoice')}</strong>}
          {(chosen.has(o.key) || o.correct) && <span className="meta"> — {o.feedback}</span>}
        </li>
      ))}
    </ul>
  );
}
