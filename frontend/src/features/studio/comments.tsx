import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Alert } from '../../components/ui/feedback';
import { TextAreaField } from '../../components/ui/fields';
import { formatDate } from '../../lib/i18n';
import { useAddComment, useResolveComment } from './api';
import { useErrorText } from './errors';
import { useStudioT } from './i18n';
import { studioPath } from './studio-home';
import type { Course } from './types';

/**
 * The reviewers' remarks: on one lesson (beside its editor) or, with no `lessonId`, all of the
 * course's, each linked to its lesson. Open ones first; resolving keeps them, marked done.
 */
export function Comments({ course, lessonId }: { course: Course; lessonId?: string }) {
  const { t } = useStudioT();
  const { i18n } = useTranslation();
  const errorText = useErrorText();
  const resolve = useResolveComment(course.id);
  const titles = new Map(course.lessons.map((l) => [l.id, l.title]));
  const shown = course.comments
    .filter((c) => lessonId === undefined || c.lessonId === lessonId)
    .sort((a, b) => Number(a.resolved) - Number(b.resolved) || a.createdAt.localeCompare(b.createdAt));
  const headingId = lessonId ? 'lesson-comments' : 'course-comments';
  return (
    <section aria-labelledby={headingId} className="comments">
      <h2 id={headingId}>{lessonId ? t('comments.lessonTitle') : t('comments.title')}</h2>
      {shown.length === 0 && <p>{t('comments.none')}</p>}
      <ul className="comment-list">
        {shown.map((c) => (
          <li key={c.id} className={c.resolved ? 'resolved' : 'open'}>
            <p className="meta">
              {t('comments.by', { name: c.authorName, time: formatDate(c.createdAt, i18n.language) })}
              {!lessonId && c.lessonId && (
                <>
                  {' · '}
                  <Link to={studioPath(course.id, `/bai/${c.lessonId}`)}>{titles.get(c.lessonId) ?? t('comments.lesson')}</Link>
                </>
              )}
              {' · '}
              <strong>{c.resolved ? t('comments.resolved') : t('comments.open')}</strong>
            </p>
            <p className="comment-text">{c.text}</p>
            {!c.resolved && (course.can.edit || course.can.review) && (
              <button type="button" className="button small" disabled={resolve.isPending} onClick={() => resolve.mutate(c.id)}>
                {t('comments.resolve')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {resolve.isError && <Alert kind="error">{errorText.general(resolve.error)}</Alert>}
      <AddComment courseId={course.id} lessonId={lessonId} />
    </section>
  );
}

function AddComment({ courseId, lessonId }: { courseId: string; lessonId?: string }) {
  const { t } = useStudioT();
  const errorText = useErrorText();
  const add = useAddComment(courseId);
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const id = lessonId ? 'comment-lesson' : 'comment-course';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) {
      setError(t('comments.required'));
      document.getElementById(id)?.focus();
      return;
    }
    setError('');
    add.mutate({ text: text.trim(), ...(lessonId ? { lessonId } : {}) }, { onSuccess: () => setText('') });
  };
  return (
    <form onSubmit={submit} noValidate className="inline-form">
      <TextAreaField label={lessonId ? t('comments.addLesson') : t('comments.add')} name={id} rows={3} maxLength={4000} value={text} error={error} onChange={(e) => setText(e.target.value)} />
      {add.isError && <Alert kind="error">{errorText.general(add.error)}</Alert>}
      {add.isSuccess && <Alert kind="success">{t('comments.sent')}</Alert>}
      <button type="submit" className="button" disabled={add.isPending}>
        {t('comments.send')}
      </button>
    </form>
  );
}
