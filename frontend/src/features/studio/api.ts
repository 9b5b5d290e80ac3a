import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../lib/api-client';
import type { Course, CourseInput, LessonInput, QuestionInput, QuizInput } from './types';

const STUDIO = 'studio';
const courseKey = (id: string) => [STUDIO, 'course', id];
const path = (id: string) => ({ params: { path: { id } } });

/** The competency framework in force (the catalogue's own query key: one cache for both). */
export const frameworkQuery = () => queryOptions({ queryKey: ['framework'], queryFn: async () => unwrap(await api.GET('/api/framework')), staleTime: Infinity });

export const coursesQuery = () => queryOptions({ queryKey: [STUDIO, 'courses'], queryFn: async () => unwrap(await api.GET('/api/studio/courses')) });

/** A course with its lessons, questions, quizzes, media, authors, comments and the validator's problems. */
export const courseQuery = (id: string) => queryOptions({ queryKey: courseKey(id), queryFn: async () => unwrap(await api.GET('/api/studio/courses/{id}', path(id))) });

export const lessonQuery = (id: string, lessonId: string) =>
  queryOptions({
    queryKey: [...courseKey(id), 'lesson', lessonId],
    queryFn: async () => unwrap(await api.GET('/api/studio/courses/{id}/lessons/{lessonId}', { params: { path: { id, lessonId } } })),
    // The editor's autosave keeps this entry current; a refetch would only race it.
    staleTime: Infinity,
  });

export const previewLessonQuery = (id: string, lessonId: string) =>
  queryOptions({
    queryKey: [...courseKey(id), 'preview', lessonId],
    queryFn: async () => unwrap(await api.GET('/api/studio/courses/{id}/preview/lessons/{lessonId}', { params: { path: { id, lessonId } } })),
  });

export const mediaUrl = (id: string, name: string) => `/api/studio/courses/${id}/media/${encodeURIComponent(name)}`;
export const exportUrl = (id: string) => `/api/studio/courses/${id}/export.zip`;
export const giftExportUrl = (id: string) => `/api/studio/courses/${id}/questions/export.gift`;

/** Raw bytes as the body (a zip, an image): openapi-fetch would otherwise write JSON. */
const bytes = { bodySerializer: (body: unknown) => body as BodyInit };

/** A mutation whose success refreshes the course (its problems, lists and status change with it); `serial` runs them one after another. */
function useCourseMutation<A, R>(id: string, fn: (arg: A) => Promise<R>, serial?: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: courseKey(id) }), scope: serial ? { id: `${serial}-${id}` } : undefined });
}

function useListMutation<A, R>(fn: (arg: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: [STUDIO, 'courses'] }) });
}

export const useCreateCourse = () =>
  useListMutation(async ({ idempotencyKey, ...body }: { slug: string; title: string; idempotencyKey: string }) =>
    unwrap(await api.POST('/api/studio/courses', { body, params: { header: { 'Idempotency-Key': idempotencyKey } } })),
  );

export const useImportCourse = () =>
  useListMutation(async (zip: File) =>
    unwrap(await api.POST('/api/studio/courses/import', { body: zip as unknown as string, headers: { 'content-type': 'application/zip' }, ...bytes })),
  );

export const useSaveCourse = (id: string) =>
  useCourseMutation(id, async (body: CourseInput & { version: number }) => unwrap(await api.PUT('/api/studio/courses/{id}', { ...path(id), body })));

export const saveLesson = async (id: string, lessonId: string, body: LessonInput & { version: number }) =>
  unwrap(await api.PUT('/api/studio/courses/{id}/lessons/{lessonId}', { params: { path: { id, lessonId } }, body }));
export const useAddLesson = (id: string) => useCourseMutation(id, async (title: string) => unwrap(await api.POST('/api/studio/courses/{id}/lessons', { ...path(id), body: { title } })));
// Moves go one after another, so the last order pressed is the one kept.
export const useOrderLessons = (id: string) =>
  useCourseMutation(id, async (lessonIds: string[]) => unwrap(await api.POST('/api/studio/courses/{id}/lessons/order', { ...path(id), body: { lessonIds } })), 'order');
export const useArchiveLesson = (id: string) =>
  useCourseMutation(id, async (lessonId: string) => unwrap(await api.DELETE('/api/studio/courses/{id}/lessons/{lessonId}', { params: { path: { id, lessonId } } })));

/** The server's lesson renderer on text being written; `signal` drops an answer a newer text has overtaken. */
export const previewMarkdown = async (courseId: string, markdown: string, signal: AbortSignal) =>
  unwrap(await api.POST('/api/studio/preview', { body: { courseId, markdown }, signal })).html;

export const questionsQuery = (id: string) =>
  queryOptions({ queryKey: [...courseKey(id), 'questions'], queryFn: async () => unwrap(await api.GET('/api/studio/courses/{id}/questions', path(id))) });
export const useSaveQuestion = (id: string) =>
  useCourseMutation(id, async ({ questionId, body }: { questionId?: string; body: QuestionInput }) =>
    unwrap(
      questionId
        ? await api.PUT('/api/studio/courses/{id}/questions/{questionId}', { params: { path: { id, questionId } }, body })
        : await api.POST('/api/studio/courses/{id}/questions', { ...path(id), body }),
    ),
  );
export const useDeleteQuestion = (id: string) =>
  useCourseMutation(id, async (questionId: string) => unwrap(await api.DELETE('/api/studio/courses/{id}/questions/{questionId}', { params: { path: { id, questionId } } })));
export const useImportGift = (id: string) => useCourseMutation(id, async (text: string) => unwrap(await api.POST('/api/studio/courses/{id}/questions/gift', { ...path(id), body: { text } })));

/** Whether "gợi ý câu hỏi" can work here (a model configured, administrators allowing it), and the counts it takes. */
export const suggestionAvailabilityQuery = () =>
  queryOptions({ queryKey: [STUDIO, 'question-suggestions'], queryFn: async () => unwrap(await api.GET('/api/studio/question-suggestions')), staleTime: 60_000 });
/** The assistant drafts questions from a lesson; they arrive in the bank as drafts. The key makes a resend harmless. */
export const useSuggestQuestions = (id: string) =>
  useCourseMutation(id, async ({ lessonId, count, idempotencyKey }: { lessonId: string; count: number; idempotencyKey: string }) =>
    unwrap(
      await api.POST('/api/studio/courses/{id}/lessons/{lessonId}/question-suggestions', {
        params: { path: { id, lessonId }, header: { 'Idempotency-Key': idempotencyKey } },
        body: { count },
      }),
    ),
  );

export const useSaveQuiz = (id: string) =>
  useCourseMutation(id, async ({ quizId, body }: { quizId?: string; body: QuizInput }) =>
    unwrap(
      quizId
        ? await api.PUT('/api/studio/courses/{id}/quizzes/{quizId}', { params: { path: { id, quizId } }, body })
        : await api.POST('/api/studio/courses/{id}/quizzes', { ...path(id), body }),
    ),
  );
export const useDeleteQuiz = (id: string) =>
  useCourseMutation(id, async (quizId: string) => unwrap(await api.DELETE('/api/studio/courses/{id}/quizzes/{quizId}', { params: { path: { id, quizId } } })));

export const useUploadMedia = (id: string) =>
  useCourseMutation(id, async ({ file, alt }: { file: File; alt?: string }) =>
    unwrap(
      await api.POST('/api/studio/courses/{id}/media', {
        params: { path: { id }, query: { name: file.name, ...(alt ? { alt } : {}) } },
        body: file as unknown as string,
        headers: { 'content-type': 'application/octet-stream' },
        ...bytes,
      }),
    ),
  );
export const useDeleteMedia = (id: string) =>
  useCourseMutation(id, async (name: string) => unwrap(await api.DELETE('/api/studio/courses/{id}/media/{name}', { params: { path: { id, name } } })));

export type Step = 'submit' | 'return' | 'publish' | 'archive';
export const useWorkflow = (id: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ step, comment }: { step: Step; comment?: string }): Promise<Course> => {
      switch (step) {
        case 'submit':
          return unwrap(await api.POST('/api/studio/courses/{id}/submit', path(id)));
        case 'return':
          return unwrap(await api.POST('/api/studio/courses/{id}/return', { ...path(id), body: { comment: comment ?? '' } }));
        case 'publish':
          return unwrap(await api.POST('/api/studio/courses/{id}/publish', path(id)));
        case 'archive':
          return unwrap(await api.POST('/api/studio/courses/{id}/archive', path(id)));
      }
    },
    onSuccess: (course) => {
      qc.setQueryData(courseKey(id), course);
      void qc.invalidateQueries({ queryKey: [STUDIO, 'courses'] });
    },
  });
};

export const useAddComment = (id: string) =>
  useCourseMutation(id, async (body: { lessonId?: string; text: string }) => unwrap(await api.POST('/api/studio/courses/{id}/comments', { ...path(id), body })));
export const useResolveComment = (id: string) =>
  useCourseMutation(id, async (commentId: string) => unwrap(await api.POST('/api/studio/courses/{id}/comments/{commentId}/resolve', { params: { path: { id, commentId } } })));

export const useAddAuthor = (id: string) =>
  useCourseMutation(id, async (body: { login: string; role: 'owner' | 'coauthor' }) => unwrap(await api.POST('/api/studio/courses/{id}/authors', { ...path(id), body })));
export const useRemoveAuthor = (id: string) =>
  useCourseMutation(id, async (userId: string) => unwrap(await api.DELETE('/api/studio/courses/{id}/authors/{userId}', { params: { path: { id, userId } } })));

export const startPreviewAttempt = async (id: string, quizId: string) =>
  unwrap(await api.POST('/api/studio/courses/{id}/preview/quizzes/{quizId}/attempt', { params: { path: { id, quizId } } }));
export const gradePreviewAttempt = async (id: string, quizId: string, body: { attempt: string; answers: Record<string, Schemas['AnswerValueDto']> }) =>
  unwrap(await api.POST('/api/studio/courses/{id}/preview/quizzes/{quizId}/attempt/grade', { params: { path: { id, quizId } }, body }));
