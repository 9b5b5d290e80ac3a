import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api-client';
import type { operations } from '../../lib/api-schema';

export type UserFilters = NonNullable<operations['AdminUsersController_list']['parameters']['query']>;

export const adminUsersQuery = (filters: UserFilters) =>
  queryOptions({
    queryKey: ['admin-users', filters],
    queryFn: async () => unwrap(await api.GET('/api/admin/users', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });

export const adminUserQuery = (id: string) =>
  queryOptions({
    queryKey: ['admin-users', 'detail', id],
    queryFn: async () => unwrap(await api.GET('/api/admin/users/{id}', { params: { path: { id } } })),
  });

export function useIssueResetCode(id: string) {
  return useMutation({ mutationFn: async () => unwrap(await api.POST('/api/admin/users/{id}/reset-code', { params: { path: { id } } })) });
}

export function useSetStatus(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (action: 'disable' | 'enable') =>
      unwrap(
        action === 'disable'
          ? await api.POST('/api/admin/users/{id}/disable', { params: { path: { id } } })
          : await api.POST('/api/admin/users/{id}/enable', { params: { path: { id } } }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin-users'] }),
  });
}
