import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CourseShell } from '../../features/studio/course-shell';
import { useStudioT } from '../../features/studio/i18n';
import type { Course } from '../../features/studio/types';
import type { Me } from '../../lib/api-client';
import { RequireAuth } from '../require-auth';
import { usePageTitle } from './use-page-title';

/** The studio is for teachers and administrators; a learner who follows a link is told so. */
export function StudioGate({ children }: { children: (me: Me) => ReactNode }) {
  const { t } = useTranslation();
  return <RequireAuth>{(me) => (me.role === 'learner' ? <p>{t('classes.teachersOnly')}</p> : children(me))}</RequireAuth>;
}

/** A page of one course in the studio, titled after the course and `heading`. */
export function StudioCourseRoute({ id, heading, children }: { id: string; heading?: string; children: (course: Course) => ReactNode }) {
  const { t } = useStudioT();
  const [title, setTitle] = useState('');
  usePageTitle(title || t('home.title'));
  return (
    <section>
      <StudioGate>
        {() => (
          <CourseShell id={id} heading={heading} onTitle={setTitle}>
            {children}
          </CourseShell>
        )}
      </StudioGate>
    </section>
  );
}
