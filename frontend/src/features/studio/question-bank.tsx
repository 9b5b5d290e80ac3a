import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Spinner } from '../../components/ui/feedback';
import { FileField } from '../../components/ui/fields';
import { giftExportUrl, questionsQuery, useImportGift } from './api';
import { useErrorText } from './errors';
import { useStudioT } from './i18n';
import { ProblemList, problemsIn } from './problems';
import { QuestionSuggestions } from './question-suggestions';
import { studioPath } from './studio-home';
import type { Course } from './types';

/** The course's questions, the way in from Moodle (GIFT pasted or from a file) and back out. */
export function QuestionBank({ course }: { course: Course }) {
  const { t } = useStudioT();
  const errorText = useErrorText();
  const questions = useQuery(questionsQuery(course.id));
  const [type, setType] = useState('');
  const shown = (questions.data ?? []).filter((q) => !type || q.type === type);
  return (
    <>
      <section aria-labelledby="bank-title">
        <h2 id="bank-title">{t('bank.title')}</h2>
        <div className="actions">
          {course.can.edit && (
            <Link className="button primary" to={studioPath(course.id, '/cau-hoi/moi')}>
              {t('bank.add')}
            </Link>
          )}
          <a className="button" href={giftExportUrl(course.id)} download>
            {t('bank.export')}
          </a>
        </div>
        {questions.isPending && <Spinner />}
        {questions.isError && <Alert kind="error">{errorText.general(questions.error)}</Alert>}
        {questions.data && questions.data.length > 0 && (
          <div className="field filter-one">
            <label htmlFor="bank-type">{t('bank.filter')}</label>
            <select id="bank-type" value={type} onChange={(e) => setType(e.target.value)}>
              <option value="">{t('bank.allTypes')}</option>
              {['single', 'multiple', 'true_false', 'ordering', 'short_text', 'matching', 'numerical'].map((ty) => (
                <option key={ty} value={ty}>
                  {t(`types.${ty}`)}
                </option>
              ))}
            </select>
          </div>
        )}
        {questions.data && (
          <p role="status" className="meta">
            {t('bank.count', { count: shown.length })}
          </p>
        )}
        {shown.length > 0 && (
          <table className="stack-table">
            <caption className="visually-hidden">{t('bank.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('bank.prompt')}</th>
                <th scope="col">{t('bank.type')}</th>
                <th scope="col">{t('bank.competency')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((q) => (
                <tr key={q.id}>
                  <th scope="row">
                    <Link to={studioPath(course.id, `/cau-hoi/${q.id}`)}>{q.prompt.length > 120 ? `${q.prompt.slice(0, 120)}…` : q.prompt}</Link>
                    {q.suggestedFromLessonId && <span className="meta"> · {t('suggest.badge')}</span>}
                  </th>
                  <td data-label={t('bank.type')}>{t(`types.${q.type}`)}</td>
                  <td data-label={t('bank.competency')}>
                    {q.competency} · {t('course.levelShort', { level: q.level })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {course.can.edit && <QuestionSuggestions course={course} />}
      {course.can.edit && <GiftImport courseId={course.id} />}
    </>
  );
}

/** Paste GIFT or pick a .gift file; each problem names its line, and a click on it takes the caret there. */
function GiftImport({ courseId }: { courseId: string }) {
  const { t } = useStudioT();
  const errorText = useErrorText();
  const upload = useImportGift(courseId);
  const area = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const problems = problemsIn(upload.error);
  const readFile = async (file: File | undefined) => {
    if (file) setText(await file.text());
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) {
      setError(t('gift.required'));
      area.current?.focus();
      return;
    }
    setError('');
    upload.mutate(text, { onSuccess: () => setText('') });
  };
  const goToLine = (line: number) => {
    const el = area.current!;
    const start = el.value.split('\n').slice(0, line - 1).join('\n').length + (line > 1 ? 1 : 0);
    el.focus();
    el.setSelectionRange(start, el.value.indexOf('\n', start) === -1 ? el.value.length : el.value.indexOf('\n', start));
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="gift-title" className="studio-box">
      <h2 id="gift-title">{t('gift.title')}</h2>
      <p className="hint">{t('gift.hint')}</p>
      <FileField label={t('gift.file')} name="gift-file" accept=".gift,.txt,text/plain" onChange={(e) => void readFile(e.target.files?.[0])} />
      <div className={`field${error ? ' has-error' : ''}`}>
        <label htmlFor="gift-text">{t('gift.text')}</label>
        {error && (
          <p className="field-error" id="gift-text-error">
            {error}
          </p>
        )}
        <ProblemList problems={problems} onLine={goToLine} title={t('gift.problems')} />
        <textarea
          id="gift-text"
          ref={area}
          className="markdown"
          rows={10}
          aria-invalid={error || problems.length ? true : undefined}
          aria-describedby={error ? 'gift-text-error' : undefined}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {upload.isError && <Alert kind="error">{problems.length ? t('gift.refused', { count: problems.length }) : errorText.general(upload.error)}</Alert>}
      {upload.isSuccess && (
        <>
          <Alert kind="success">{t('gift.done', { count: upload.data.questions.length })}</Alert>
          <ProblemList problems={upload.data.problems} title={t('gift.warnings')} />
        </>
      )}
      <button type="submit" className="button primary" disabled={upload.isPending}>
        {t('gift.import')}
      </button>
    </form>
  );
}
