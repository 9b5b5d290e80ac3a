import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../lib/api-client';
import { warmEnrolledCourses } from '../../lib/offline-courses';
import { newKey, sendOrQueue } from '../../lib/outbox';

export type CourseProgress = Schemas['CourseProgressDto'];
export type Lesson = Schemas['LessonDto'];
export type Attempt = Schemas['AttemptDto'];
export type AnswerValue = Schemas['AnswerValueDto'];
export type LearnerQuestion = Schemas['LearnerQuestionDto'];

/** Everything learning-related shares this key prefix, so one invalidation refreshes it all. */
const LEARNING = 'learning';

export const myLearningQuery = () =>
  queryOptions({ queryKey: [LEARNING, 'mine'], queryFn: async () => unwrap(await api.GET('/api/me/learning')) });

export const progressQuery = (slug: string) =>
  queryOptions({
    queryKey: [LEARNING, 'progress', slug],
    queryFn: async () => unwrap(await api.GET('/api/courses/{slug}/progress', { params: { path: { slug } } })),
  });

export const lessonQuery = (slug: string, lesson: string) =>
  queryOptions({
    queryKey: [LEARNING, 'lesson', slug, lesson],
    queryFn: async () => unwrap(await api.GET('/api/courses/{slug}/lessons/{lesson}', { params: { path: { slug, lesson } } })),
  });

export const lessonAudioQuery = (slug: string, lesson: string) =>
  queryOptions({
    queryKey: [LEARNING, 'lesson-audio', slug, lesson],
    queryFn: async () => unwrap(await api.GET('/api/courses/{slug}/lessons/{lesson}/audio', { params: { path: { slug, lesson } } })),
  });

export const quizQuery = (slug: string, quiz: string) =>
  queryOptions({
    queryKey: [LEARNING, 'quiz', slug, quiz],
    queryFn: async () => unwrap(await api.GET('/api/courses/{slug}/quizzes/{quiz}', { params: { path: { slug, quiz } } })),
  });

export const attemptQuery = (id: string) =>
  queryOptions({
    queryKey: [LEARNING, 'attempt', id],
    queryFn: async () => unwrap(await api.GET('/api/quiz-attempts/{id}', { params: { path: { id } } })),
    // The answer of a start is this query's data (useStartAttempt): the page it opens shows it without asking again.
    staleTime: 10_000,
  });

export function useInvalidateLearning() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: [LEARNING] });
}

export function useEnrol(slug: string) {
  const invalidate = useInvalidateLearning();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/courses/{slug}/enrolment', { params: { path: { slug } } })),
    // The new course is stored for reading offline right away.
    onSuccess: () => invalidate().then(() => warmEnrolledCourses()),
  });
}

export function useLeave(slug: string) {
  const invalidate = useInvalidateLearning();
  return useMutation({
    mutationFn: async () => unwrap(await api.DELETE('/api/courses/{slug}/enrolment', { params: { path: { slug } } })),
    onSuccess: invalidate,
  });
}

/** Marks a lesson done, through the outbox: offline it is kept and sent later with its device time. */
export function useCompleteLesson(slug: string, lesson: string) {
  const qc = useQueryClient();
  const invalidate = useInvalidateLearning();
  return useMutation({
    // The outbox decides what to do offline; TanStack Query must not pause the mutation itself.
    networkMode: 'always',
    mutationFn: () =>
      sendOrQueue({ key: newKey(), method: 'PUT', path: `/api/courses/${slug}/lessons/${lesson}/completion`, body: { occurredAt: new Date().toISOString() } }),
    onSuccess: (result) => {
      qc.setQueryData(lessonQuery(slug, lesson).queryKey, (old) => old && { ...old, done: true });
      // The next lesson of a sequential course opens: store it for offline too.
      if (result.status === 'sent') void invalidate().then(() => warmEnrolledCourses());
    },
  });
}

/**
 * Starts (or continues) an attempt. Its answer is everything the attempt page shows, so the page opens
 * at once with it; the other learning pages (quiz overview, course) are only marked stale and asked
 * again when next shown. At an exam's synchronized start that is one request per learner instead of
 * three (the start, the quiz overview fetched again before leaving it, the attempt page's own fetch).
 */
export function useStartAttempt(slug: string, quiz: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/courses/{slug}/quizzes/{quiz}/attempts', { params: { path: { slug, quiz } } })),
    onSuccess: async (attempt) => {
      await qc.invalidateQueries({ queryKey: [LEARNING], refetchType: 'none' });
      qc.setQueryData(attemptQuery(attempt.id).queryKey, attempt);
    },
  });
}

export async function saveAnswers(id: string, answers: Record<string, AnswerValue>): Promise<void> {
  unwrap(await api.PUT('/api/quiz-attempts/{id}/answers', { params: { path: { id } }, body: { answers } }));
}

export function useSubmitAttempt(id: string) {
  const qc = useQueryClient();
  const invalidate = useInvalidateLearning();
  return useMutation({
    networkMode: 'always',
    mutationFn: (answers: Record<string, AnswerValue>) =>
      sendOrQueue({ key: `submit-${id}`, method: 'POST', path: `/api/quiz-attempts/${id}/submission`, body: { answers } }),
    onSuccess: (result) => {
      if (result.status === 'sent') {
        qc.setQueryData(attemptQuery(id).queryKey, result.data as Attempt);
        void invalidate();
      }
    },
  });
}
