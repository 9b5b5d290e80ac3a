import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiRequestError, type Schemas, unwrap } from '../../lib/api-client';
import { meQuery } from '../auth/api';

export type IdentityPending = Schemas['IdentityPendingDto'];

export const identityProvidersQuery = () =>
  queryOptions({ queryKey: ['identity-providers'], queryFn: async () => unwrap(await api.GET('/api/auth/identity-providers')), staleTime: Infinity });

/** What the provider said about the person who is finishing their registration; null when nothing waits. */
export const identityPendingQuery = () =>
  queryOptions({
    queryKey: ['identity-pending'],
    queryFn: async (): Promise<IdentityPending | null> => {
      try {
        return unwrap(await api.GET('/api/auth/identity/registration'));
      } catch (err) {
        if (err instanceof ApiRequestError && err.status === 404) return null;
        throw err;
      }
    },
  });

export const identityLinksQuery = () =>
  queryOptions({ queryKey: ['identity-links'], queryFn: async () => unwrap(await api.GET('/api/me/identity-links')) });

/** Asks the API for the provider's address and sends the browser there. */
export function useGoToProvider() {
  return useMutation({
    mutationFn: async ({ provider, intent }: { provider: string; intent: 'signin' | 'reset' | 'link' }) => {
      const { url } = intent === 'link'
        ? unwrap(await api.POST('/api/me/identity-links/{provider}/authorization', { params: { path: { provider } } }))
        : unwrap(await api.POST('/api/auth/identity-providers/{provider}/authorization', { params: { path: { provider } }, body: { intent } }));
      window.location.assign(url);
    },
  });
}

export function useIdentityRegister() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['IdentityRegisterDto']) => unwrap(await api.POST('/api/auth/identity/registration', { body })),
    onSuccess: (me) => qc.setQueryData(meQuery().queryKey, me),
  });
}

export function useIdentityPasswordReset() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['IdentityPasswordDto']) => unwrap(await api.POST('/api/auth/identity/password-reset', { body })),
    onSuccess: (me) => qc.setQueryData(meQuery().queryKey, me),
  });
}

/** Unlinks a provider; the server refuses (LAST_SIGN_IN_METHOD) when it is the person's only way in. */
export function useUnlinkIdentity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (provider: string) => unwrap(await api.DELETE('/api/me/identity-links/{provider}', { params: { path: { provider } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: identityLinksQuery().queryKey }),
  });
}
