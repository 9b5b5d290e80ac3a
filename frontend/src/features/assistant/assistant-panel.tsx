import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ReadAloud } from '../../components/read-aloud/read-aloud';
import { Alert } from '../../components/ui/feedback';
import { ApiRequestError } from '../../lib/api-client';
import { type Answer, askStreaming, assistantStatusQuery, citationPath, useFeedback } from './api';
import { NextStepBox } from './next-step';

/** A refusal in the person's language: the limits and the exam lock carry what the sentence needs. */
function refusal(t: ReturnType<typeof useTranslation>['t'], err: unknown, max: number): string {
  if (!(err instanceof ApiRequestError)) return t('errors.network');
  const { code, details } = err.body;
  const retry = details && !Array.isArray(details) ? Number(details.retryAfterSeconds ?? 3600) : 3600;
  return t(`assistant.errors.${code}`, { defaultValue: err.body.message || t('errors.generic'), max, minutes: Math.ceil(retry / 60) });
}

/**
 * "Hỏi trợ lý học tập": a question box, the answer streamed into a live region, its citations as
 * links that open the lesson at the passage, and whether it helped. Closed with a plain sentence while
 * the person takes a timed quiz or when administrators turned it off.
 */
export function AssistantPanel({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const id = useId();
  const status = useQuery(assistantStatusQuery());
  const [question, setQuestion] = useState('');
  const [streamed, setStreamed] = useState('');
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [asked, setAsked] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [verdict, setVerdict] = useState<boolean | null>(null);
  const feedback = useFeedback();
  const input = useRef<HTMLTextAreaElement>(null);
  const max = status.data?.maxQuestionChars ?? 300;
  const Heading = `h${headingLevel}` as const;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const q = question.trim();
    if (q.length < 2) {
      setError(t('assistant.errors.ASSISTANT_QUESTION_EMPTY'));
      input.current?.focus();
      return;
    }
    if (q.length > max) {
      setError(t('assistant.errors.ASSISTANT_QUESTION_TOO_LONG', { max }));
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    setAnswer(null);
    setStreamed('');
    setVerdict(null);
    setAsked(q);
    try {
      setAnswer(await askStreaming(q, (piece) => setStreamed((s) => s + piece)));
      setQuestion('');
    } catch (err) {
      setError(refusal(t, err, max));
    } finally {
      setBusy(false);
    }
  }

  const closed = status.data && !status.data.open;
  return (
    <section className="assistant" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`}>{t('assistant.title')}</Heading>
      {closed ? (
        <Alert kind="info">{status.data?.reason === 'exam' ? t('assistant.closedExam', { title: status.data.examTitle }) : t('assistant.off')}</Alert>
      ) : (
        <>
          <p className="meta">{status.data?.answers === 'model' ? t('assistant.introModel') : t('assistant.introPassages')}</p>
          <form onSubmit={(e) => void submit(e)} noValidate>
            <label htmlFor={`${id}-q`}>{t('assistant.label')}</label>
            <p className="hint" id={`${id}-hint`}>
              {t('assistant.hint', { max })}
            </p>
            <textarea
              id={`${id}-q`}
              ref={input}
              name="question"
              rows={2}
              value={question}
              aria-describedby={`${id}-hint ${id}-count`}
              aria-invalid={error ? true : undefined}
              onChange={(e) => setQuestion(e.target.value)}
            />
            <p className="meta" id={`${id}-count`} aria-live="off">
              {t('assistant.count', { count: question.length, max })}
            </p>
            <p className="actions">
              <button type="submit" className="button primary" disabled={busy}>
                {busy ? t('assistant.asking') : t('assistant.ask')}
              </button>
            </p>
          </form>
          {error && <Alert kind="error">{error}</Alert>}
          <div className="assistant-answer" aria-live="polite" aria-busy={busy}>
            {busy && !streamed && <p className="loading">{t('assistant.searching')}</p>}
            {busy && streamed && <p>{streamed}</p>}
            {answer && <AnswerView answer={answer} question={asked} />}
          </div>
          {answer && answer.mode !== 'none' && (
            <div className="assistant-feedback" role="group" aria-label={t('assistant.helpfulQuestion')}>
              <span>{t('assistant.helpfulQuestion')}</span>{' '}
              {[true, false].map((helpful) => (
                <button
                  key={String(helpful)}
                  type="button"
                  className="button"
                  aria-pressed={verdict === helpful}
                  onClick={() => feedback.mutate({ id: answer.messageId, helpful }, { onSuccess: () => setVerdict(helpful) })}
                >
                  {helpful ? t('assistant.helpful') : t('assistant.notHelpful')}
                </button>
              ))}
              {verdict !== null && <span role="status"> {t('assistant.thanks')}</span>}
            </div>
          )}
          <NextStepBox />
          <p>
            <Link to="/tro-ly/lich-su">{t('assistant.history')}</Link>
          </p>
        </>
      )}
    </section>
  );
}

function AnswerView({ answer, question }: { answer: Answer; question: string }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  return (
    <div ref={box}>
      <ReadAloud getText={() => box.current?.innerText ?? ''} label={{ read: t('assistant.readAloud'), stop: t('lesson.stopReading') }} />
      <p className="meta">{t('assistant.youAsked', { question })}</p>
      {answer.fellBack && <p className="meta">{t('assistant.fellBack')}</p>}
      <p>{answer.mode === 'passages' ? t('assistant.passagesIntro') : answer.mode === 'none' ? t('assistant.nothing') : answer.text}</p>
      {answer.mode === 'none' ? (
        <p className="actions">
          <Link className="button" to="/khoa-hoc">
            {t('assistant.browseCatalogue')}
          </Link>
        </p>
      ) : (
        <>
          {answer.mode === 'model' && <p className="meta">{t('assistant.sources')}</p>}
          <ol className="citations">
            {answer.citations.map((c) => (
              <li key={`${c.courseSlug}/${c.lessonSlug}#${c.anchor}`}>
                <Link to={citationPath(c)}>
                  {c.lessonTitle}
                  {c.anchor ? ` › ${c.heading}` : ''}
                </Link>
                <blockquote lang="vi">{c.quote}</blockquote>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
