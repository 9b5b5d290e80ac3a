import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiRequestError, type ApiError, csrfToken, fetchWithCsrf, type Schemas, unwrap } from '../../lib/api-client';

export type Answer = Schemas['AnswerDto'];
export type Citation = Schemas['CitationDto'];
export type AssistantStatus = Schemas['AssistantStatusDto'];
export type NextStep = Schemas['AssistantNextStepDto'];
export type WrongAnswer = Schemas['WrongAnswerDto'];
export type AssistantUsage = Schemas['AssistantUsageDto'];
export type AssistantMode = Schemas['AssistantModeDto']['mode'];
export type HistoryItem = Schemas['HistoryItemDto'];

/** The person's questions, 50 a page, newest first; the next page starts before the last one shown. */
export const historyQuery = () =>
  infiniteQueryOptions({
    queryKey: ['assistant', 'history'],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) => unwrap(await api.GET('/api/assistant/history', { params: { query: pageParam ? { before: pageParam } : {} } })),
    getNextPageParam: (last) => (last.length === 50 ? last.at(-1)!.askedAt : undefined),
  });

export function useDeleteHistoryItem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await api.DELETE('/api/assistant/history/{id}', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['assistant', 'history'] }),
  });
}

export function useClearHistory() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.DELETE('/api/assistant/history')),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['assistant', 'history'] }),
  });
}

export const assistantStatusQuery = () =>
  queryOptions({ queryKey: ['assistant', 'status'], queryFn: async () => unwrap(await api.GET('/api/assistant')), staleTime: 10_000 });

export const nextStepQuery = () =>
  queryOptions({ queryKey: ['assistant', 'next-step'], queryFn: async () => unwrap(await api.GET('/api/assistant/next-step')) });

export const whyWrongQuery = (attemptId: string) =>
  queryOptions({
    queryKey: ['assistant', 'why-wrong', attemptId],
    queryFn: async () => unwrap(await api.GET('/api/assistant/quiz-attempts/{id}/why-wrong', { params: { path: { id: attemptId } } })),
  });

export const assistantUsageQuery = () =>
  queryOptions({ queryKey: ['assistant', 'usage'], queryFn: async () => unwrap(await api.GET('/api/admin/assistant')) });

/**
 * Asks through the streamed route: the model's words arrive in `onDelta` as they are written, then the
 * stored answer (lesson passages when no model answers, or when it was slow or failing).
 */
export async function askStreaming(question: string, onDelta: (text: string) => void): Promise<Answer> {
  const res = await fetchWithCsrf(
    new Request('/api/assistant/questions/stream', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': await csrfToken() },
      body: JSON.stringify({ question }),
    }),
  );
  if (!res.ok || !res.body) throw new ApiRequestError(res.status, ((await res.json().catch(() => ({}))) as ApiError) ?? {});
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    const events = buffer.split('\n\n');
    buffer = events.pop() ?? '';
    for (const block of events) {
      const event = /^event: (.+)$/m.exec(block)?.[1];
      const data = JSON.parse(/^data: (.+)$/m.exec(block)?.[1] ?? 'null') as unknown;
      if (event === 'delta') onDelta((data as { text: string }).text);
      else if (event === 'answer') return data as Answer;
      else if (event === 'error') throw new ApiRequestError(500, data as ApiError);
    }
  }
  throw new ApiRequestError(502, { code: 'STREAM_ENDED', message: '', requestId: '' });
}

export function useFeedback() {
  return useMutation({
    mutationFn: async ({ id, helpful }: { id: string; helpful: boolean }) =>
      unwrap(await api.PUT('/api/assistant/messages/{id}/feedback', { params: { path: { id } }, body: { helpful } })),
  });
}

export function useSetAssistantMode() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (mode: AssistantMode) => unwrap(await api.PUT('/api/admin/assistant/settings', { body: { mode } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['assistant'] }),
  });
}

/** Where a citation opens: the lesson, scrolled to the passage's heading. */
export const citationPath = (c: Pick<Citation, 'courseSlug' | 'lessonSlug' | 'anchor'>) =>
  `/khoa-hoc/${c.courseSlug}/bai/${c.lessonSlug}${c.anchor ? `#${c.anchor}` : ''}`;
