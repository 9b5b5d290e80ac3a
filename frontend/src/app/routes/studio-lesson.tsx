import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { QueryError } from '../../components/connection/query-error';
import { Spinner } from '../../components/ui/feedback';
import { lessonQuery } from '../../features/studio/api';
import { Comments } from '../../features/studio/comments';
import { useStudioT } from '../../features/studio/i18n';
import { LessonEditor } from '../../features/studio/lesson-editor';
import { studioPath } from '../../features/studio/studio-home';
import type { Course } from '../../features/studio/types';
import { StudioCourseRoute } from './studio-gate';

function Lesson({ course, lessonId }: { course: Course; lessonId: string }) {
  const { t } = useStudioT();
  const lesson = useQuery(lessonQuery(course.id, lessonId));
  if (lesson.isPending) return <Spinner />;
  if (lesson.isError) return <QueryError error={lesson.error} onRetry={() => void lesson.refetch()} />;
  return (
    <div className="lesson-workspace">
      <div>
        <p>
          <Link to={studioPath(course.id, `/xem-thu/bai/${lessonId}`)}>{t('lessons.previewAsLearner')}</Link>
        </p>
        <LessonEditor key={lessonId} course={course} lesson={lesson.data} />
      </div>
      {/* The reviewers' remarks beside the text they are about. */}
      <aside aria-label={t('comments.lessonTitle')}>
        <Comments course={course} lessonId={lessonId} />
      </aside>
    </div>
  );
}

/** /soan-bai/:id/bai/:lesson: the lesson editor, with its comments beside it. */
export default function StudioLessonPage() {
  const { t } = useStudioT();
  const { id = '', lesson = '' } = useParams();
  return (
    <StudioCourseRoute id={id} heading={t('lesson.editTitle')}>
      {(course) => <Lesson course={course} lessonId={lesson} />}
    </StudioCourseRoute>
  );
}
