import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type ApiError, ApiRequestError, csrfToken, fetchWithCsrf, unwrap } from '../../lib/api-client';
import type { Comment, Course, CourseInput, CourseList, Lesson, LessonInput, Media, Question, QuestionInput, Quiz, QuizInput } from './types';

// Temporary transport until the studio routes are in api-schema.d.ts; the errors are the client's own type.
async function call<T>(method: string, path: string, body?: unknown, raw?: BodyInit, type?: string): Promise<T> {
  const headers = new Headers();
  if (method !== 'GET') headers.set('x-csrf-token', await csrfToken());
  if (body !== undefined) headers.set('content-type', 'application/json');
  if (raw !== undefined && type) headers.set('content-type', type);
  let res: Response;
  try {
    res = await fetchWithCsrf(new Request(path, { method, headers, credentials: 'same-origin', body: raw ?? (body === undefined ? undefined : JSON.stringify(body)) }));
  } catch {
    throw new ApiRequestError(0, { code: 'NETWORK_ERROR', message: '', requestId: '' });
  }
  const data = res.status === 204 ? undefined : await res.json().catch(() => undefined);
  if (!res.ok) {
    const e = (data ?? {}) as Partial<ApiError>;
    throw new ApiRequestError(res.status, { code: e.code ?? 'NETWORK_ERROR', message: e.message ?? '', details: e.details, requestId: e.requestId ?? '' });
  }
  return data as T;
}

const STUDIO = 'studio';
const base = (id: string) => `/api/studio/courses/${encodeURIComponent(id)}`;
const courseKey = (id: string) => [STUDIO, 'course', id];

/** The competency framework in force (the catalogue's own query key: one cache for both). */
export const frameworkQuery = () =>
  queryOptions({ queryKey: ['framework'], queryFn: async () => unwrap(await api.GET('/api/framework')), staleTime: Infinity });

export const coursesQuery = () => queryOptions({ queryKey: [STUDIO, 'courses'], queryFn: () => call<CourseList>('GET', '/api/studio/courses') });
export const courseQuery = (id: string) => queryOptions({ queryKey: courseKey(id), queryFn: () => call<Course>('GET', base(id)) });
export const lessonQuery = (id: string, lessonId: string) =>
  queryOptions({ queryKey: [...courseKey(id), 'lesson', lessonId], queryFn: () => call<Lesson>('GET', `${base(id)}/lessons/${lessonId}`), staleTime: Infinity });
export const questionsQuery = (id: string) => queryOptions({ queryKey: [...courseKey(id), 'questions'], queryFn: () => call<Question[]>('GET', `${base(id)}/questions`) });
export const quizQuery = (id: string, quizId: string) => queryOptions({ queryKey: [...courseKey(id), 'quiz', quizId], queryFn: () => call<Quiz>('GET', `${base(id)}/quizzes/${quizId}`) });
export const mediaQuery = (id: string) => queryOptions({ queryKey: [...courseKey(id), 'media'], queryFn: () => call<Media[]>('GET', `${base(id)}/media`) });
export const commentsQuery = (id: string) => queryOptions({ queryKey: [...courseKey(id), 'comments'], queryFn: () => call<Comment[]>('GET', `${base(id)}/comments`) });

export const mediaUrl = (id: string, name: string) => `${base(id)}/media/${encodeURIComponent(name)}`;
export const exportUrl = (id: string) => `${base(id)}/export.zip`;
export const giftExportUrl = (id: string) => `${base(id)}/questions/export.gift`;

/** A mutation whose success refreshes the course (its problems, lists and status change with it). */
function useCourseMutation<A, R>(id: string, fn: (arg: A) => Promise<R>, serial?: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: courseKey(id) }), scope: serial ? { id: `${serial}-${id}` } : undefined });
}

export function useCreateCourse() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { title: string; idempotencyKey: string }) => call<Course>('POST', '/api/studio/courses', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: [STUDIO, 'courses'] }),
  });
}

export function useImportCourse() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (zip: File) => call<Course>('POST', '/api/studio/courses/import', undefined, zip, 'application/zip'),
    onSuccess: () => qc.invalidateQueries({ queryKey: [STUDIO, 'courses'] }),
  });
}

export const saveCourse = (id: string, body: CourseInput & { version: number }) => call<Course>('PUT', base(id), body);
export const useSaveCourse = (id: string) => useCourseMutation(id, (body: CourseInput & { version: number }) => saveCourse(id, body));

export const saveLesson = (id: string, lessonId: string, body: LessonInput & { version: number }) => call<Lesson>('PUT', `${base(id)}/lessons/${lessonId}`, body);
export const useAddLesson = (id: string) => useCourseMutation(id, (title: string) => call<Lesson>('POST', `${base(id)}/lessons`, { title }));
// Moves go one after another, so the last order pressed is the one kept.
export const useOrderLessons = (id: string) => useCourseMutation(id, (lessonIds: string[]) => call<Course>('POST', `${base(id)}/lessons/order`, { lessonIds }), 'order');
export const useArchiveLesson = (id: string) => useCourseMutation(id, (lessonId: string) => call<void>('DELETE', `${base(id)}/lessons/${lessonId}`));

export const previewMarkdown = (id: string, markdown: string, signal?: AbortSignal) =>
  fetchWithCsrf(new Request('/api/studio/preview', { method: 'POST', signal, credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ markdown, courseId: id }) }));

export const useSaveQuestion = (id: string) =>
  useCourseMutation(id, ({ questionId, body }: { questionId?: string; body: QuestionInput }) =>
    questionId ? call<Question>('PUT', `${base(id)}/questions/${questionId}`, body) : call<Question>('POST', `${base(id)}/questions`, body),
  );
export const useDeleteQuestion = (id: string) => useCourseMutation(id, (questionId: string) => call<void>('DELETE', `${base(id)}/questions/${questionId}`));
export const useImportGift = (id: string) => useCourseMutation(id, (text: string) => call<{ added: number; updated: number }>('POST', `${base(id)}/questions/gift`, { text }));

export const useSaveQuiz = (id: string) =>
  useCourseMutation(id, ({ quizId, body }: { quizId?: string; body: QuizInput & { version?: number } }) =>
    quizId ? call<Quiz>('PUT', `${base(id)}/quizzes/${quizId}`, body) : call<Quiz>('POST', `${base(id)}/quizzes`, body),
  );
export const useDeleteQuiz = (id: string) => useCourseMutation(id, (quizId: string) => call<void>('DELETE', `${base(id)}/quizzes/${quizId}`));

export const useUploadMedia = (id: string) =>
  useCourseMutation(id, ({ file, alt }: { file: File; alt?: string }) =>
    call<Media>('POST', `${base(id)}/media?${new URLSearchParams({ name: file.name, ...(alt ? { alt } : {}) })}`, undefined, file, file.type || 'application/octet-stream'),
  );
export const useDeleteMedia = (id: string) => useCourseMutation(id, (name: string) => call<void>('DELETE', mediaUrl(id, name)));

export const useWorkflow = (id: string) =>
  useCourseMutation(id, ({ step, comment }: { step: 'submit' | 'return' | 'publish' | 'archive'; comment?: string }) =>
    call<Course>('POST', `${base(id)}/${step}`, step === 'return' ? { comment } : {}),
  );

export const useAddComment = (id: string) => useCourseMutation(id, (body: { lessonId?: string; text: string }) => call<Comment>('POST', `${base(id)}/comments`, body));
export const useResolveComment = (id: string) => useCourseMutation(id, (commentId: string) => call<Comment>('POST', `${base(id)}/comments/${commentId}/resolve`));

export const useAddAuthor = (id: string) => useCourseMutation(id, (login: string) => call<Course>('POST', `${base(id)}/authors`, { login }));
export const useRemoveAuthor = (id: string) => useCourseMutation(id, (userId: string) => call<void>('DELETE', `${base(id)}/authors/${userId}`));

export const previewLessonQuery = (id: string, lessonId: string) =>
  queryOptions({ queryKey: [...courseKey(id), 'preview', lessonId], queryFn: () => call<{ title: string; html: string; video: { src: string; captions: string; transcript: string } | null }>('GET', `${base(id)}/preview/lessons/${lessonId}`) });
export const startPreviewAttempt = (id: string, quizId: string) => call<unknown>('POST', `${base(id)}/preview/quizzes/${quizId}/attempt`);
export const gradePreviewAttempt = (id: string, quizId: string, body: unknown) => call<unknown>('POST', `${base(id)}/preview/quizzes/${quizId}/attempt/grade`, body);
