import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Spinner } from '../../components/ui/feedback';
import { myLearningQuery } from '../../features/learning/api';
import { coursePath, stepPath } from '../../features/learning/paths';
import { RequireAuth } from '../require-auth';
import { usePageTitle } from './use-page-title';
import { QueryError } from '../../components/connection/query-error';

function MyCourses() {
  const { t } = useTranslation();
  const query = useQuery(myLearningQuery());
  if (query.isPending) return <Spinner />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.length === 0) {
    return (
      <p>
        {t('learning.none')} <Link to="/khoa-hoc">{t('learning.findCourse')}</Link>
      </p>
    );
  }
  return (
    <ul className="course-list">
      {query.data.map((c) => (
        <li key={c.slug} className="course-card">
          <h2>
            <Link to={coursePath(c.slug)}>{c.title}</Link>
          </h2>
          <p>
            <progress max={100} value={c.percent} aria-label={t('learning.progressOf', { title: c.title })} />{' '}
            {t('learning.percent', { percent: c.percent })} · {t('learning.lessonsDone', { done: c.lessonsDone, total: c.lessonsTotal })}
          </p>
          {c.status === 'completed' ? (
            <p>
              <strong>{t('learning.courseCompleted')}</strong>
            </p>
          ) : (
            c.nextStep && (
              <p>
                <Link className="button primary" to={stepPath(c.slug, c.nextStep)}>
                  {t(c.percent === 0 ? 'learning.start' : 'learning.continue', { title: c.nextStep.title })}
                </Link>
              </p>
            )
          )}
        </li>
      ))}
    </ul>
  );
}

export default function MyLearningPage() {
  const { t } = useTranslation();
  usePageTitle(t('learning.mine'));
  return (
    <RequireAuth>
      {() => (
        <section>
          <h1 tabIndex={-1}>{t('learning.mine')}</h1>
          <p>
            <Link to="/tham-gia-lop">{t('classes.joinLink')}</Link>
          </p>
          <MyCourses />
        </section>
      )}
    </RequireAuth>
  );
}
