import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert } from '../../components/ui/feedback';
import { TextField } from '../../components/ui/fields';
import { useAddLesson, useArchiveLesson, useOrderLessons } from './api';
import { useErrorText, useFieldErrors } from './errors';
import { useStudioT } from './i18n';
import { studioPath } from './studio-home';
import type { Course, LessonSummary } from './types';

/**
 * The syllabus: open a lesson, move it with buttons (keyboard and screen reader friendly; focus stays
 * on the button pressed), archive it, add one.
 */
export function LessonList({ course }: { course: Course }) {
  const { t } = useStudioT();
  const errorText = useErrorText();
  const order = useOrderLessons(course.id);
  const archive = useArchiveLesson(course.id);
  const live = course.lessons.filter((l) => !l.archived);
  const [lessons, setLessons] = useState<LessonSummary[]>(live);
  const [said, setSaid] = useState('');
  const [focus, setFocus] = useState<string | null>(null);
  const editable = course.can.edit;
  const serverOrder = live.map((l) => `${l.id}:${l.title}:${l.required}`).join();
  // The server's order replaces the one on screen only once no move is still on its way.
  useEffect(() => {
    if (!order.isPending) setLessons(live);
  }, [serverOrder, order.isPending]);
  useEffect(() => {
    if (focus) document.getElementById(focus)?.focus();
    setFocus(null);
  }, [focus]);

  const move = (index: number, by: -1 | 1) => {
    const next = [...lessons];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    setLessons(next);
    const to = index + by;
    // The pressed button may vanish at either end: focus goes to its twin then.
    const dir = (to === 0 && by === -1) || (to === next.length - 1 && by === 1) ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down';
    setFocus(`move-${dir}-${item!.id}`);
    setSaid(t('lessons.moved', { title: item!.title, position: to + 1, total: next.length }));
    order.mutate(next.map((l) => l.id), { onError: () => setLessons(live) });
  };

  return (
    <section aria-labelledby="lessons-title">
      <h2 id="lessons-title">{t('lessons.title')}</h2>
      <p role="status" className="visually-hidden">
        {said}
      </p>
      {lessons.length === 0 ? (
        <p>{t('lessons.none')}</p>
      ) : (
        <ol className="studio-list">
          {lessons.map((l, i) => (
            <li key={l.id}>
              <span className="studio-list-title">
                <Link to={studioPath(course.id, `/bai/${l.id}`)}>{l.title}</Link>{' '}
                <span className="meta">{l.required ? t('lessons.required') : t('lessons.optional')}</span>
              </span>
              <span className="row-actions">
                <Link className="button small" to={studioPath(course.id, `/xem-thu/bai/${l.id}`)} aria-label={t('lessons.previewOf', { title: l.title })}>
                  {t('lessons.preview')}
                </Link>
                {editable && (
                  <>
                    <button type="button" id={`move-up-${l.id}`} className="button small" disabled={i === 0} aria-label={t('lessons.moveUp', { title: l.title })} onClick={() => move(i, -1)}>
                      ↑
                    </button>
                    <button type="button" id={`move-down-${l.id}`} className="button small" disabled={i === lessons.length - 1} aria-label={t('lessons.moveDown', { title: l.title })} onClick={() => move(i, 1)}>
                      ↓
                    </button>
                    <button
                      type="button"
                      className="button small danger"
                      aria-label={t('lessons.archiveOf', { title: l.title })}
                      disabled={archive.isPending}
                      onClick={() => window.confirm(t('lessons.archiveConfirm', { title: l.title })) && archive.mutate(l.id)}
                    >
                      {t('lessons.archive')}
                    </button>
                  </>
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
      {order.isError && <Alert kind="error">{errorText.general(order.error)}</Alert>}
      {archive.isError && <Alert kind="error">{errorText.general(archive.error)}</Alert>}
      {editable && <AddLesson courseId={course.id} />}
    </section>
  );
}

function AddLesson({ courseId }: { courseId: string }) {
  const { t } = useStudioT();
  const navigate = useNavigate();
  const add = useAddLesson(courseId);
  const [title, setTitle] = useState('');
  const [error, setError] = useState('');
  const api = useFieldErrors(add.error, ['title']);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (title.trim().length < 2) {
      setError(t('lessons.titleInvalid'));
      document.getElementById('new-lesson')?.focus();
      return;
    }
    setError('');
    add.mutate(title.trim(), { onSuccess: (l) => navigate(studioPath(courseId, `/bai/${l.id}`)) });
  };
  return (
    <form onSubmit={submit} noValidate className="inline-form">
      <TextField label={t('lessons.newTitle')} name="new-lesson" value={title} maxLength={300} error={error || api.byField.title} onChange={(e) => setTitle(e.target.value)} />
      {api.rest && <Alert kind="error">{api.rest}</Alert>}
      <button type="submit" className="button" disabled={add.isPending}>
        {t('lessons.add')}
      </button>
    </form>
  );
}
