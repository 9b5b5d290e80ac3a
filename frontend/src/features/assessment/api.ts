import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../lib/api-client';
import { newKey, sendOrQueue } from '../../lib/outbox';
import type { AnswerValue } from '../learning/api';

export type AssessmentOverview = Schemas['AssessmentOverviewDto'];
export type AssessmentAttempt = Schemas['AssessmentAttemptDto'];
export type AssessmentResult = Schemas['AssessmentResultDto'];
export type Ratings = Record<string, number>;
export type Answers = Record<string, AnswerValue>;

/**
 * Under the learning prefix: the outbox's replay invalidates ['learning'], which then refreshes
 * the self-assessment and the certification status too.
 */
const ASSESSMENT = ['learning', 'assessment'] as const;

export const assessmentPath = (id: string) => `/tu-danh-gia/${id}`;

export const assessmentOverviewQuery = () =>
  queryOptions({ queryKey: [...ASSESSMENT, 'overview'], queryFn: async () => unwrap(await api.GET('/api/self-assessment')) });

export const assessmentAttemptQuery = (id: string) =>
  queryOptions({
    queryKey: [...ASSESSMENT, 'attempt', id],
    queryFn: async () => unwrap(await api.GET('/api/self-assessment/attempts/{id}', { params: { path: { id } } })),
  });

export function useStartAssessment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/self-assessment/attempts')),
    onSuccess: (attempt) => {
      qc.setQueryData(assessmentAttemptQuery(attempt.id).queryKey, attempt);
      void qc.invalidateQueries({ queryKey: [...ASSESSMENT, 'overview'] });
    },
  });
}

export async function saveAssessment(id: string, body: { ratings: Ratings; answers: Answers }): Promise<void> {
  unwrap(await api.PUT('/api/self-assessment/attempts/{id}/answers', { params: { path: { id } }, body }));
}

const keyStorage = (id: string) => `bdhvs.assessment.key.${id}`;
export const draftStorage = (id: string) => `bdhvs.assessment.${id}`;

export function forgetDraft(id: string): void {
  localStorage.removeItem(draftStorage(id));
  localStorage.removeItem(keyStorage(id));
}

/** One Idempotency-Key per attempt, kept in the browser, so a retry or a replay is the same submission. */
export function submissionKey(id: string): string {
  const stored = localStorage.getItem(keyStorage(id));
  if (stored) return stored;
  const key = newKey();
  localStorage.setItem(keyStorage(id), key);
  return key;
}

export function useSubmitAssessment(id: string) {
  const qc = useQueryClient();
  return useMutation({
    // The outbox decides what to do offline.
    networkMode: 'always',
    mutationFn: (body: { ratings: Ratings; answers: Answers }) =>
      sendOrQueue({ key: submissionKey(id), method: 'POST', path: `/api/self-assessment/attempts/${id}/submission`, body }),
    onSuccess: (result) => {
      if (result.status !== 'sent') return;
      localStorage.removeItem(keyStorage(id));
      qc.setQueryData(assessmentAttemptQuery(id).queryKey, result.data as AssessmentAttempt);
      void qc.invalidateQueries({ queryKey: ['learning'] });
    },
  });
}

