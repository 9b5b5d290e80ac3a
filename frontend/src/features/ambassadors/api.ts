import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiRequestError, type Schemas, unwrap } from '../../lib/api-client';

export type Mentee = Schemas['MenteeDto'];
const KEY = 'ambassadors';

export const ambassadorStatusQuery = () => queryOptions({ queryKey: [KEY, 'status'], queryFn: async () => unwrap(await api.GET('/api/me/ambassador')) });
export const menteesQuery = () => queryOptions({ queryKey: [KEY, 'mentees'], queryFn: async () => unwrap(await api.GET('/api/me/ambassador/mentees')) });
export const mentorshipQuery = () => queryOptions({ queryKey: [KEY, 'mentorship'], queryFn: async () => unwrap(await api.GET('/api/me/mentorship')) });

/** Whose code it is; null for a code nobody has. */
export const invitationQuery = (code: string) =>
  queryOptions({
    queryKey: [KEY, 'invitation', code],
    queryFn: async () => {
      try {
        return unwrap(await api.GET('/api/ambassador-invitations/{code}', { params: { path: { code } } }));
      } catch (err) {
        if (err instanceof ApiRequestError && err.status === 404) return null;
        throw err;
      }
    },
    retry: false,
  });

function useAmbassadorMutation<T, R>(fn: (arg: T) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }) });
}

export const useBecomeAmbassador = () => useAmbassadorMutation(async () => unwrap(await api.PUT('/api/me/ambassador')));
export const useStepDown = () => useAmbassadorMutation(async () => unwrap(await api.DELETE('/api/me/ambassador')));
export const useRemind = () =>
  useAmbassadorMutation(async (id: string) => unwrap(await api.POST('/api/me/ambassador/mentees/{id}/reminders', { params: { path: { id } } })));
export const useJoinAmbassador = () =>
  useAmbassadorMutation(async (code: string) => unwrap(await api.PUT('/api/me/mentorship', { body: { code, consent: true } })));
export const useWithdraw = () => useAmbassadorMutation(async () => unwrap(await api.DELETE('/api/me/mentorship')));
