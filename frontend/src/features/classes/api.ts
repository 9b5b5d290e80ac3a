import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../lib/api-client';

export type ClassDetail = Schemas['ClassDetailDto'];
export type ClassSummary = Schemas['ClassSummaryDto'];

const CLASSES = 'classes';

export const classesQuery = (unitId?: string) =>
  queryOptions({
    queryKey: [CLASSES, 'list', unitId ?? null],
    queryFn: async () => unwrap(await api.GET('/api/classes', { params: { query: unitId ? { unitId } : {} } })),
  });

export const classQuery = (id: string) =>
  queryOptions({ queryKey: [CLASSES, 'detail', id], queryFn: async () => unwrap(await api.GET('/api/classes/{id}', { params: { path: { id } } })) });

export const coursesForClassQuery = () =>
  queryOptions({
    queryKey: [CLASSES, 'courses'],
    queryFn: async () => unwrap(await api.GET('/api/courses', { params: { query: {} } })),
    staleTime: 5 * 60_000,
  });

export function useCreateClass() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: { name: string; courses: string[] }) => unwrap(await api.POST('/api/classes', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: [CLASSES] }),
  });
}

export function useAssignCourses(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (courses: string[]) => unwrap(await api.PUT('/api/classes/{id}/courses', { params: { path: { id } }, body: { courses } })),
    onSuccess: (data) => qc.setQueryData(classQuery(id).queryKey, data),
  });
}

export function useJoinClass() {
  return useMutation({ mutationFn: async (code: string) => unwrap(await api.POST('/api/me/classes', { body: { code } })) });
}
