import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Alert, Spinner } from '../../components/ui/feedback';
import { ApiRequestError, type Schemas } from '../../lib/api-client';
import { generalMessage } from '../../lib/form-errors';
import { meQuery } from '../auth/api';
import { progressQuery, useEnrol, useLeave } from './api';
import { lessonPath, quizPath, stepPath } from './paths';

type Course = Schemas['CourseDetailDto'];

/** The learner's side of a course page: enrol, continue where they stopped, the syllabus with their progress, leave. */
export function CourseLearning({ course }: { course: Course }) {
  const { t } = useTranslation();
  const me = useQuery(meQuery()).data;
  const progress = useQuery({ ...progressQuery(course.slug), enabled: Boolean(me), retry: false });
  const enrol = useEnrol(course.slug);
  const leave = useLeave(course.slug);
  const notEnrolled = progress.error instanceof ApiRequestError && progress.error.body.code === 'NOT_ENROLLED';

  if (!me) {
    return (
      <>
        <p className="actions">
          <Link className="button primary" to={`/dang-nhap?tiep=${encodeURIComponent(`/khoa-hoc/${course.slug}`)}`}>
            {t('learning.loginToLearn')}
          </Link>
        </p>
        <PlainSyllabus course={course} />
      </>
    );
  }
  if (progress.isPending) return <Spinner />;
  if (notEnrolled || !progress.data) {
    return (
      <>
        {progress.isError && !notEnrolled && <Alert kind="error">{generalMessage(t, progress.error)}</Alert>}
        {enrol.isError && <Alert kind="error">{generalMessage(t, enrol.error)}</Alert>}
        <p className="actions">
          <button type="button" className="button primary" disabled={enrol.isPending} onClick={() => enrol.mutate()}>
            {t('learning.enrol')}
          </button>
        </p>
        <PlainSyllabus course={course} />
      </>
    );
  }

  const p = progress.data;
  return (
    <>
      <section aria-labelledby="my-progress" className="progress-panel">
        <h2 id="my-progress">{t('learning.myProgress')}</h2>
        <p>
          <progress max={100} value={p.percent} aria-labelledby="my-progress" /> <strong>{t('learning.percent', { percent: p.percent })}</strong>
        </p>
        {p.status === 'completed' && <Alert kind="success">{t('learning.courseCompleted')}</Alert>}
        {p.nextStep && (
          <p className="actions">
            <Link className="button primary" to={stepPath(course.slug, p.nextStep)}>
              {t(p.percent === 0 ? 'learning.start' : 'learning.continue', { title: p.nextStep.title })}
            </Link>
          </p>
        )}
      </section>
      <h2>{t('catalogue.syllabus')}</h2>
      <ol className="syllabus steps">
        {p.lessons.map((l) => (
          <li key={l.slug} className={l.done ? 'done' : l.locked ? 'locked' : ''}>
            <span className="step-state">{t(l.done ? 'learning.done' : l.locked ? 'learning.locked' : 'learning.todo')}</span>{' '}
            {l.locked ? l.title : <Link to={lessonPath(course.slug, l.slug)}>{l.title}</Link>}{' '}
            <span className="meta">
              ({t('catalogue.minutes', { count: l.estimatedMinutes })}
              {!l.required && `, ${t('learning.optional')}`})
            </span>
          </li>
        ))}
        {p.quizzes.map((q) => (
          <li key={q.slug} className={q.passed ? 'done' : q.locked ? 'locked' : ''}>
            <span className="step-state">{t(q.passed ? 'learning.passed' : q.locked ? 'learning.locked' : 'learning.todo')}</span>{' '}
            {q.locked ? q.title : <Link to={quizPath(course.slug, q.slug)}>{q.title}</Link>}{' '}
            <span className="meta">
              ({t('catalogue.quiz', { count: q.questionCount, pass: q.passPercent })}
              {q.bestScore !== null && `; ${t('learning.bestScore', { score: Math.round(q.bestScore) })}`})
            </span>
          </li>
        ))}
      </ol>
      {p.lessons.some((l) => l.locked) && <p className="hint">{t('learning.sequentialHint')}</p>}
      <details className="leave">
        <summary>{t('learning.leave')}</summary>
        <p>{t('learning.leaveExplain')}</p>
        <button type="button" className="button danger" disabled={leave.isPending} onClick={() => leave.mutate()}>
          {t('learning.leaveConfirm')}
        </button>
      </details>
    </>
  );
}

function PlainSyllabus({ course }: { course: Course }) {
  const { t } = useTranslation();
  return (
    <>
      <h2>{t('catalogue.syllabus')}</h2>
      <ol className="syllabus">
        {course.lessons.map((l) => (
          <li key={l.slug}>
            {l.title} <span className="meta">({t('catalogue.minutes', { count: l.estimatedMinutes })})</span>
          </li>
        ))}
        {course.quizzes.map((q) => (
          <li key={q.slug}>
            {q.title} <span className="meta">({t('catalogue.quiz', { count: q.questionCount, pass: q.passPercent })})</span>
          </li>
        ))}
      </ol>
    </>
  );
}
