import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { Link, NavLink } from 'react-router-dom';
import { QueryError } from '../../components/connection/query-error';
import { Spinner } from '../../components/ui/feedback';
import { courseQuery } from './api';
import { Authors } from './authors';
import { Comments } from './comments';
import { CourseForm } from './course-form';
import { useStudioT } from './i18n';
import './studio.css';
import { LessonList } from './lesson-list';
import { ProblemList } from './problems';
import { QuizList } from './quiz-editor';
import { StatusBadge, studioPath } from './studio-home';
import type { Course, Problem } from './types';
import { WorkflowPanel } from './workflow';

/**
 * Every page of one course: loads it, names the page (`heading` under the course's title) and
 * offers the course's sections; `children` gets the loaded course.
 */
export function CourseShell({ id, heading, onTitle, children }: { id: string; heading?: string; onTitle: (title: string) => void; children: (course: Course) => ReactNode }) {
  const { t } = useStudioT();
  const course = useQuery(courseQuery(id));
  const title = course.data?.title;
  useEffect(() => {
    if (title) onTitle(heading ? `${heading} — ${title}` : title);
  }, [title, heading, onTitle]);
  return (
    <>
      <p className="meta">
        <Link to="/soan-bai">{t('nav.allCourses')}</Link>
      </p>
      <h1 tabIndex={-1}>
        {heading ?? title ?? t('nav.loading')}
        {heading && title && <span className="h1-sub">{title}</span>}
      </h1>
      {course.data && (
        <>
          <p>
            <StatusBadge status={course.data.status} />
          </p>
          <nav aria-label={t('nav.sections')} className="course-nav">
            <ul>
              <li>
                <NavLink end to={studioPath(id)}>
                  {t('nav.overview')}
                </NavLink>
              </li>
              <li>
                <NavLink to={studioPath(id, '/cau-hoi')}>{t('nav.questions')}</NavLink>
              </li>
              <li>
                <NavLink to={studioPath(id, '/tep')}>{t('nav.media')}</NavLink>
              </li>
            </ul>
          </nav>
        </>
      )}
      {course.isPending && <Spinner />}
      {course.isError && <QueryError error={course.error} onRetry={() => void course.refetch()} />}
      {course.data && children(course.data)}
    </>
  );
}

/** Where a problem can be fixed: its lesson, question or quiz editor, or the course form. */
function placeOf(course: Course, p: Problem): string | null {
  if (p.entity === 'lesson' && p.entityId) return studioPath(course.id, `/bai/${p.entityId}`);
  if (p.entity === 'question' && p.entityId) return studioPath(course.id, `/cau-hoi/${p.entityId}`);
  if (p.entity === 'quiz' && p.entityId) return studioPath(course.id, `/kiem-tra/${p.entityId}`);
  if (p.entity === 'media') return studioPath(course.id, '/tep');
  return null;
}

/** The course's overview: workflow, every problem with a way to it, the form, lessons, quizzes, authors, comments. */
export function CourseOverview({ course }: { course: Course }) {
  const { t } = useStudioT();
  const elsewhere = course.problems.filter((p) => placeOf(course, p));
  return (
    <>
      <WorkflowPanel course={course} />
      {course.problems.length > 0 && (
        <section aria-labelledby="all-problems" className="studio-box">
          <h2 id="all-problems">{t('problems.allTitle', { count: course.problems.length })}</h2>
          <ProblemList problems={course.problems.filter((p) => !placeOf(course, p))} title={t('problems.course')} />
          {elsewhere.length > 0 && (
            <ul className="plain-list">
              {elsewhere.map((p, i) => (
                <li key={`${p.file}:${p.line}:${i}`}>
                  <Link to={placeOf(course, p)!}>{t('problems.where', { file: p.file, line: p.line })}</Link>: {p.message}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <CourseForm course={course} />
      <LessonList course={course} />
      <QuizList course={course} />
      <Authors course={course} />
      <Comments course={course} />
    </>
  );
}
