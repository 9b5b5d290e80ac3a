import { useQuery } from '@tanstack/react-query';
import { useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Spinner } from '../../components/ui/feedback';
import { CourseLearning } from '../learning/course-learning';
import { courseQuery } from './api';
import { QueryError } from '../../components/connection/query-error';

/** A course's promise: what it builds, for whom, and its lessons in order. */
export function CourseDetail({ slug, onTitle }: { slug: string; onTitle: (title: string) => void }) {
  const { t } = useTranslation();
  const course = useQuery(courseQuery(slug));
  const title = course.data?.title;
  // Before the browser paints: the heading gets its (longer) title in the same frame as the page, so nothing below it moves.
  useLayoutEffect(() => {
    if (title) onTitle(title);
  }, [title, onTitle]);
  if (course.isPending) return <Spinner />;
  if (course.isError) return <QueryError error={course.error} onRetry={() => void course.refetch()} />;
  const c = course.data;
  return (
    <>
      <p className="lead">{c.summary}</p>
      <p className="meta">
        {t('catalogue.lessons', { count: c.lessonCount })} · {t('catalogue.minutes', { count: c.estimatedMinutes })} ·{' '}
        {t(c.ordering === 'sequential' ? 'catalogue.sequential' : 'catalogue.free')}
      </p>
      <p>
        <strong>{t('catalogue.forGroups')}</strong> {c.targetGroups.map((g) => t(`targetGroups.${g}`)).join(', ')}
      </p>
      <h2>{t('catalogue.builds')}</h2>
      <ul>
        {c.competencies.map((x) => (
          <li key={x.code}>
            {x.code} {x.name} — {t('catalogue.atLevel', { level: x.level })}
          </li>
        ))}
      </ul>
      <CourseLearning course={c} />
      <p className="hint">{t('catalogue.framework')}</p>
      <p>
        <Link to="/khoa-hoc">{t('catalogue.back')}</Link>
      </p>
    </>
  );
}
