import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiRequestError, type Schemas, unwrap } from '../../lib/api-client';
import { newKey, sendOrQueue } from '../../lib/outbox';
import { meQuery } from '../auth/api';

export type Resident = Schemas['ResidentDto'];
export type SignInCard = Schemas['SignInCardDto'];

/** The community team's membership of whoever holds the phone; null for anyone not on a team. */
export const membershipQuery = () =>
  queryOptions({
    queryKey: ['community', 'membership'],
    queryFn: async () => {
      try {
        return unwrap(await api.GET('/api/community/membership'));
      } catch (err) {
        if (err instanceof ApiRequestError && (err.status === 403 || err.status === 401)) return null;
        throw err;
      }
    },
    staleTime: 60_000,
  });

export const residentsQuery = () => queryOptions({ queryKey: ['community', 'residents'], queryFn: async () => unwrap(await api.GET('/api/community/residents')) });
export const visitsQuery = () => queryOptions({ queryKey: ['community', 'visits'], queryFn: async () => unwrap(await api.GET('/api/community/visits')) });

/** Whether this phone is in an assisted session (the server's cookie says so; it grants nothing). */
export const isAssisting = () => document.cookie.split('; ').includes('assisting=1');

export const assistedQuery = () =>
  queryOptions({
    queryKey: ['community', 'assisted'],
    queryFn: async () => (isAssisting() ? unwrap(await api.GET('/api/community/assisted-sessions/current')) : null),
  });

export function useRegisterResident() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['RegisterResidentDto']) => unwrap(await api.POST('/api/community/residents', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['community', 'residents'] }),
  });
}

export function useReissueCard() {
  return useMutation({ mutationFn: async (id: string) => unwrap(await api.POST('/api/community/residents/{id}/card', { params: { path: { id } } })) });
}

/** Hands the phone to a resident (or switches to another): everything the app shows and records is theirs until it ends. */
export function useAssist() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (residentId: string) => unwrap(await api.POST('/api/community/assisted-sessions', { body: { residentId } })),
    onSuccess: async () => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'community' });
      await qc.invalidateQueries();
    },
  });
}

export function useEndAssist() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/community/assisted-sessions/end')),
    onSettled: async () => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'community' });
      await qc.invalidateQueries();
    },
  });
}

/** A visit goes through the outbox: logged in a house with no signal, it is sent when the phone is back online. */
export async function logVisit(visit: Omit<Schemas['HouseholdVisitDto'], 'id'>) {
  const id = crypto.randomUUID?.() ?? uuidFrom(newKey());
  return sendOrQueue({ key: `visit-${id}`, method: 'POST', path: '/api/community/visits', body: { id, ...visit } });
}

/** 32 hex digits → a version-4 UUID (randomUUID exists only on HTTPS and localhost). */
function uuidFrom(hex: string): string {
  const h = `${hex.slice(0, 12)}4${hex.slice(13, 16)}${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 32)}`;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function useCardSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (code: string) => unwrap(await api.POST('/api/auth/card', { body: { code } })),
    onSuccess: (me) => qc.setQueryData(meQuery().queryKey, me),
  });
}
