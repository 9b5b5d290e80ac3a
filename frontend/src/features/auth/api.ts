import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiRequestError, type Me, type Schemas, unwrap } from '../../lib/api-client';
import { clearPersonalCaches, warmEnrolledCourses } from '../../lib/offline-courses';

/** The signed-in person, or null when nobody is. */
export const meQuery = () =>
  queryOptions({
    queryKey: ['me'],
    queryFn: async (): Promise<Me | null> => {
      try {
        return unwrap(await api.GET('/api/auth/me'));
      } catch (err) {
        if (err instanceof ApiRequestError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 60_000,
  });

export const consentQuery = () =>
  queryOptions({ queryKey: ['consent'], queryFn: async () => unwrap(await api.GET('/api/consent')), staleTime: Infinity });

export function useRegister() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['RegisterDto']) => unwrap(await api.POST('/api/auth/register', { body })),
    onSuccess: (me) => qc.setQueryData(meQuery().queryKey, me),
  });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['LoginDto']) => {
      const me = unwrap(await api.POST('/api/auth/login', { body }));
      // A shared phone: what the previous person read offline is not for this one.
      await clearPersonalCaches();
      return me;
    },
    onSuccess: (me) => {
      qc.setQueryData(meQuery().queryKey, me);
      void warmEnrolledCourses();
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/auth/logout')),
    onSettled: async () => {
      await clearPersonalCaches();
      qc.setQueryData(meQuery().queryKey, null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    },
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: async (body: Schemas['ResetPasswordDto']) => unwrap(await api.POST('/api/auth/password-reset', { body })),
  });
}

export function useEmailReset() {
  return useMutation({
    mutationFn: async (body: Schemas['EmailResetDto']) => unwrap(await api.POST('/api/auth/password-reset/email', { body })),
  });
}
