import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { QueryError } from '../../components/connection/query-error';
import { Alert, Spinner } from '../../components/ui/feedback';
import type { AnswerValue } from '../../features/learning/api';
import { QuestionReview } from '../../features/learning/attempt-results';
import { QuestionInput } from '../../features/learning/question-input';
import { gradePreviewAttempt, previewLessonQuery, startPreviewAttempt } from '../../features/studio/api';
import { useErrorText } from '../../features/studio/errors';
import { useStudioT } from '../../features/studio/i18n';
import { studioPath } from '../../features/studio/studio-home';
import type { Course } from '../../features/studio/types';
import { StudioCourseRoute } from './studio-gate';
import { LessonVideo } from '../../features/learning/lesson-video';


/** The draft lesson as a learner will get it: the server's rendering, its video with captions, previous and next. */
function LessonPreview({ course, lessonId }: { course: Course; lessonId: string }) {
  const { t } = useStudioT();
  const lesson = useQuery(previewLessonQuery(course.id, lessonId));
  const live = course.lessons.filter((l) => !l.archived);
  const at = live.findIndex((l) => l.id === lessonId);
  if (lesson.isPending) return <Spinner />;
  if (lesson.isError) return <QueryError error={lesson.error} onRetry={() => void lesson.refetch()} />;
  const l = lesson.data;
  return (
    <article className="lesson">
      <h2>{l.title}</h2>
      {l.video && <LessonVideo video={l.video} transcriptLabel={t('preview.transcript')} />}
      {/* The same renderer as learners': raw HTML escaped, links and images checked. */}
      <div className="lesson-body" dangerouslySetInnerHTML={{ __html: l.html }} />
      <nav className="pager lesson-pager" aria-label={t('preview.pager')}>
        {at > 0 && (
          <Link className="button" to={studioPath(course.id, `/xem-thu/bai/${live[at - 1]!.id}`)}>
            ← {live[at - 1]!.title}
          </Link>
        )}
        {at >= 0 && at < live.length - 1 && (
          <Link className="button primary" to={studioPath(course.id, `/xem-thu/bai/${live[at + 1]!.id}`)}>
            {live[at + 1]!.title} →
          </Link>
        )}
      </nav>
    </article>
  );
}

/** A quiz attempt drawn as a learner's would be, graded by the server, and nothing recorded. */
function QuizPreview({ course, quizId }: { course: Course; quizId: string }) {
  const { t } = useStudioT();
  const errorText = useErrorText();
  const start = useMutation({ mutationFn: () => startPreviewAttempt(course.id, quizId) });
  // The sealed draw goes back with the answers: the server grades what it drew, and keeps nothing.
  const grade = useMutation({ mutationFn: (answers: Record<string, AnswerValue>) => gradePreviewAttempt(course.id, quizId, { attempt: start.data!.attempt, answers }) });
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>({});
  const { mutate: draw } = start;
  useEffect(() => draw(), [draw]);
  const again = () => {
    setAnswers({});
    grade.reset();
    draw();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    grade.mutate(answers);
  };
  if (start.isPending || start.isIdle) return <Spinner />;
  if (start.isError) return <Alert kind="error">{errorText.general(start.error)}</Alert>;
  if (grade.data) {
    return (
      <>
        <Alert kind={grade.data.passed ? 'success' : 'info'}>
          <p className="score">{t('preview.score', { score: Math.round(grade.data.scorePercent) })}</p>
          <p>{grade.data.passed ? t('preview.passed') : t('preview.notPassed', { percent: start.data.quiz.passPercent })}</p>
        </Alert>
        <p className="actions">
          <button type="button" className="button primary" onClick={again}>
            {t('preview.again')}
          </button>
        </p>
        <QuestionReview results={grade.data.results} />
      </>
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      {start.data.questions.map((q, i) => (
        <QuestionInput key={q.id} question={q} number={i + 1} value={answers[q.id]} onChange={(value) => setAnswers((old) => ({ ...old, [q.id]: value }))} />
      ))}
      {grade.isError && <Alert kind="error">{errorText.general(grade.error)}</Alert>}
      <p className="actions">
        <button type="submit" className="button primary" disabled={grade.isPending}>
          {t('preview.submit')}
        </button>
      </p>
    </form>
  );
}

/** /soan-bai/:id/xem-thu/bai/:lesson and /soan-bai/:id/xem-thu/kiem-tra/:quiz: "Xem như học viên". */
export default function StudioPreviewPage() {
  const { t } = useStudioT();
  const { id = '', kind, item = '' } = useParams();
  return (
    <StudioCourseRoute id={id} heading={t('preview.title')}>
      {(course) => (
        <>
          <Alert kind="info">{t('preview.nothingRecorded')}</Alert>
          <p>
            <Link to={studioPath(id, kind === 'kiem-tra' ? `/kiem-tra/${item}` : `/bai/${item}`)}>{t('preview.backToEditor')}</Link>
          </p>
          {kind === 'kiem-tra' ? <QuizPreview key={item} course={course} quizId={item} /> : <LessonPreview key={item} course={course} lessonId={item} />}
        </>
      )}
    </StudioCourseRoute>
  );
}
