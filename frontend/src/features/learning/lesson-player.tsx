import { useQuery } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { OfflineNotice } from '../../components/connection/offline-notice';
import { Alert, Spinner } from '../../components/ui/feedback';
import { ApiRequestError } from '../../lib/api-client';
import { generalMessage } from '../../lib/form-errors';
import { isQueued, subscribe } from '../../lib/outbox';
import { lessonQuery, useCompleteLesson } from './api';
import { coursePath, lessonPath } from './paths';
import { LessonAudio } from './lesson-audio';
import { ReadAloud } from '../../components/read-aloud/read-aloud';
import { useScrollMemory } from './use-scroll-memory';
import { LessonVideo } from './lesson-video';

/** One lesson: safe HTML from the server, video with captions, transcript on request, done, previous/next. */
export function LessonPlayer({ slug, lesson, onTitle }: { slug: string; lesson: string; onTitle: (title: string) => void }) {
  const { t } = useTranslation();
  const query = useQuery(lessonQuery(slug, lesson));
  const complete = useCompleteLesson(slug, lesson);
  // "Kept on this phone" until the outbox has sent it, then the plain "done".
  const waiting = useSyncExternalStore(subscribe, () => complete.data?.status === 'queued' && isQueued(complete.data.key));
  const body = useRef<HTMLDivElement>(null);
  const title = query.data?.title;
  // Before the browser paints: the heading gets its (longer) title in the same frame as the page, so nothing below it moves.
  useLayoutEffect(() => {
    if (title) onTitle(title);
  }, [title, onTitle]);
  useScrollMemory(`${slug}/${lesson}`, Boolean(query.data));
  // Opened from a citation (`#heading-id`): go to that passage and give it focus, after the saved scroll position.
  const { hash } = useLocation();
  const ready = Boolean(query.data);
  useEffect(() => {
    if (!ready || !hash) return;
    const target = body.current?.querySelector<HTMLElement>(`[id="${CSS.escape(decodeURIComponent(hash.slice(1)))}"]`);
    if (!target) return;
    target.tabIndex = -1;
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }, [ready, hash]);

  if (query.isPending) return <Spinner />;
  if (query.isError && !(query.error instanceof ApiRequestError)) {
    return (
      <>
        <OfflineNotice onRetry={() => void query.refetch()} />
        <p>
          <Link to={coursePath(slug)}>{t('lesson.backToCourse')}</Link>
        </p>
      </>
    );
  }
  if (query.isError) {
    const code = query.error instanceof ApiRequestError ? query.error.body.code : '';
    return (
      <>
        <Alert kind="error">{code === 'LESSON_LOCKED' ? t('lesson.locked') : code === 'NOT_ENROLLED' ? t('lesson.notEnrolled') : generalMessage(t, query.error)}</Alert>
        <p>
          <Link to={coursePath(slug)}>{t('lesson.backToCourse')}</Link>
        </p>
      </>
    );
  }
  const l = query.data;
  const done = l.done;
  return (
    <>
      <p className="meta">
        <Link to={coursePath(slug)}>{t('lesson.backToCourse')}</Link> · {t('lesson.position', { position: l.position, total: l.total })} ·{' '}
        {t('catalogue.minutes', { count: l.estimatedMinutes })}
      </p>
      <div className="actions">
        <LessonAudio slug={slug} lesson={lesson} />
        <ReadAloud getText={() => body.current?.innerText ?? ''} />
      </div>
      {l.video && <LessonVideo video={l.video} transcriptLabel={t('lesson.transcript')} />}
      {/* The server renders lesson Markdown with raw HTML escaped and links and images checked. */}
      <div className="lesson-body" ref={body} dangerouslySetInnerHTML={{ __html: l.html }} />
      <div className="lesson-done">
        {done ? (
          <Alert kind="success">
            {waiting ? t('lesson.doneOffline') : t('lesson.done')}
          </Alert>
        ) : (
          <button type="button" className="button primary" disabled={complete.isPending} onClick={() => complete.mutate()}>
            {t('lesson.markDone')}
          </button>
        )}
        {complete.data?.status === 'rejected' && <Alert kind="error">{t('lesson.notSaved')}</Alert>}
      </div>
      <nav className="pager lesson-pager" aria-label={t('lesson.pager')}>
        {l.previous && (
          <Link className="button" to={lessonPath(slug, l.previous.slug)}>
            ← {t('lesson.previous')}: {l.previous.title}
          </Link>
        )}
        {l.next ? (
          <Link className="button primary" to={lessonPath(slug, l.next.slug)}>
            {t('lesson.next')}: {l.next.title} →
          </Link>
        ) : (
          <Link className="button primary" to={coursePath(slug)}>
            {t('lesson.finishCourse')}
          </Link>
        )}
      </nav>
    </>
  );
}
