import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiRequestError, type Schemas, unwrap } from '../../lib/api-client';

export type Household = Schemas['HouseholdDto'];
export type InvitationToMe = Schemas['InvitationToMeDto'];
const KEY = 'households';

export const myHouseholdQuery = () => queryOptions({ queryKey: [KEY, 'mine'], queryFn: async () => unwrap(await api.GET('/api/me/household')) });

/** Whose household a code opens; null for a code nobody has. */
export const householdInvitationQuery = (code: string) =>
  queryOptions({
    queryKey: [KEY, 'invitation', code],
    queryFn: async () => {
      try {
        return unwrap(await api.GET('/api/household-invitations/{code}', { params: { path: { code } } }));
      } catch (err) {
        if (err instanceof ApiRequestError && err.status === 404) return null;
        throw err;
      }
    },
    retry: false,
  });

export const householdRulesQuery = () => queryOptions({ queryKey: [KEY, 'rules'], queryFn: async () => unwrap(await api.GET('/api/admin/household-rules')) });
export const householdRuleQuery = (year: number) =>
  queryOptions({ queryKey: [KEY, 'rules', year], queryFn: async () => unwrap(await api.GET('/api/admin/household-rules/{year}', { params: { path: { year } } })) });

function useHouseholdMutation<T, R>(fn: (arg: T) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }) });
}

export const useCreateHousehold = () => useHouseholdMutation(async (name: string) => unwrap(await api.POST('/api/households', { body: { name } })));
export const useJoinHousehold = () => useHouseholdMutation(async (code: string) => unwrap(await api.PUT('/api/me/household', { body: { code, consent: true } })));
export const useLeaveHousehold = () => useHouseholdMutation(async () => unwrap(await api.DELETE('/api/me/household')));
export const useAcceptInvitation = () =>
  useHouseholdMutation(async (id: string) => unwrap(await api.POST('/api/me/household-invitations/{id}/acceptance', { params: { path: { id } }, body: { consent: true } })));
export const useDeclineInvitation = () =>
  useHouseholdMutation(async (id: string) => unwrap(await api.DELETE('/api/me/household-invitations/{id}', { params: { path: { id } } })));
export const useInvite = (householdId: string) =>
  useHouseholdMutation(async (login: string) => unwrap(await api.POST('/api/households/{id}/invitations', { params: { path: { id: householdId } }, body: { login } })));
export const useCancelInvitation = (householdId: string) =>
  useHouseholdMutation(async (invitationId: string) =>
    unwrap(await api.DELETE('/api/households/{id}/invitations/{invitationId}', { params: { path: { id: householdId, invitationId } } })));
export const useRemoveMember = (householdId: string) =>
  useHouseholdMutation(async (userId: string) => unwrap(await api.DELETE('/api/households/{id}/members/{userId}', { params: { path: { id: householdId, userId } } })));
export const useRenewCode = (householdId: string) =>
  useHouseholdMutation(async () => unwrap(await api.POST('/api/households/{id}/code', { params: { path: { id: householdId } } })));
export const useSetHouseholdRule = () =>
  useHouseholdMutation(async ({ year, ...body }: Schemas['SetHouseholdRuleDto'] & { year: number }) =>
    unwrap(await api.PUT('/api/admin/household-rules/{year}', { params: { path: { year } }, body })));
