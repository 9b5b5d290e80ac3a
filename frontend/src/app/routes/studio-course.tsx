import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { QueryError } from '../../components/connection/query-error';
import { Spinner } from '../../components/ui/feedback';
import { courseQuery, questionsQuery } from '../../features/studio/api';
import { CourseOverview } from '../../features/studio/course-shell';
import { useStudioT } from '../../features/studio/i18n';
import { MediaLibrary } from '../../features/studio/media-library';
import { QuestionBank } from '../../features/studio/question-bank';
import { QuestionEditor } from '../../features/studio/question-editor';
import { QuizEditor } from '../../features/studio/quiz-editor';
import type { Course } from '../../features/studio/types';
import { StudioCourseRoute } from './studio-gate';

const NEW = 'moi';

function EditQuestion({ course, questionId }: { course: Course; questionId: string }) {
  const { t } = useStudioT();
  const questions = useQuery(questionsQuery(course.id));
  if (questionId === NEW) return <QuestionEditor course={course} />;
  if (questions.isPending) return <Spinner />;
  if (questions.isError) return <QueryError error={questions.error} onRetry={() => void questions.refetch()} />;
  const question = questions.data.find((q) => q.id === questionId);
  if (!question) return <p>{t('question.notFound')}</p>;
  return <QuestionEditor key={questionId} course={course} question={question} />;
}

function EditQuiz({ course, quizId }: { course: Course; quizId: string }) {
  const { t } = useStudioT();
  // Just created: the course is being read again and brings the new quiz.
  const refreshing = useQuery(courseQuery(course.id)).isFetching;
  const quiz = course.quizzes.find((q) => q.id === quizId);
  if (quizId === NEW) return <QuizEditor course={course} />;
  if (!quiz) return refreshing ? <Spinner /> : <p>{t('quiz.notFound')}</p>;
  return <QuizEditor key={quizId} course={course} quiz={quiz} />;
}

/**
 * /soan-bai/:id and its sections: the overview (/), the question bank (/cau-hoi, /cau-hoi/:question),
 * a quiz (/kiem-tra/:quiz) and the media (/tep). `moi` stands for a new question or quiz.
 */
export default function StudioCoursePage() {
  const { t } = useStudioT();
  const { id = '', section, item } = useParams();
  const heading =
    section === 'cau-hoi'
      ? item
        ? item === NEW
          ? t('question.newTitle')
          : t('question.editTitle')
        : t('bank.title')
      : section === 'kiem-tra'
        ? item === NEW
          ? t('quiz.newTitle')
          : t('quiz.editTitle')
        : section === 'tep'
          ? t('media.title')
          : undefined;
  return (
    <StudioCourseRoute id={id} heading={heading}>
      {(course) =>
        section === 'cau-hoi' && item ? (
          <EditQuestion course={course} questionId={item} />
        ) : section === 'cau-hoi' ? (
          <QuestionBank course={course} />
        ) : section === 'kiem-tra' && item ? (
          <EditQuiz course={course} quizId={item} />
        ) : section === 'tep' ? (
          <MediaLibrary course={course} />
        ) : (
          <CourseOverview course={course} />
        )
      }
    </StudioCourseRoute>
  );
}
