import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../lib/api-client';

const ME_KEY = ['me'];

export function useUpdateProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['UpdateProfileDto']) => unwrap(await api.PATCH('/api/me', { body })),
    onSuccess: (me) => qc.setQueryData(ME_KEY, me),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: async (body: Schemas['ChangePasswordDto']) => unwrap(await api.POST('/api/auth/password', { body })),
  });
}

export function useStartExport() {
  return useMutation({ mutationFn: async () => unwrap(await api.POST('/api/me/exports')) });
}

/** Polls an export every second until it is done or failed. */
export const exportQuery = (id: string) =>
  queryOptions({
    queryKey: ['exports', id],
    queryFn: async () => unwrap(await api.GET('/api/me/exports/{id}', { params: { path: { id } } })),
    refetchInterval: (q) => (q.state.data?.status === 'done' || q.state.data?.status === 'failed' ? false : 1000),
  });

export function useDeleteAccount() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['DeleteAccountDto']) => unwrap(await api.DELETE('/api/me', { body })),
    onSuccess: () => {
      qc.setQueryData(ME_KEY, null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    },
  });
}
