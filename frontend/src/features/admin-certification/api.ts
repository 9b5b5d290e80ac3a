import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../lib/api-client';
import type { operations } from '../../lib/api-schema';

export type RecordFilters = NonNullable<operations['AdminRecordsController_list']['parameters']['query']>;
export type AdminRecord = Schemas['AdminRecordDto'];
export type PolicySettings = Schemas['CertificationPolicySettingsDto'];
export type Policy = Schemas['CertificationPolicyDto'];
export type TargetGroup = Policy['targetGroup'];

const ADMIN = 'admin-certification';

export const adminRecordsQuery = (filters: RecordFilters) =>
  queryOptions({
    queryKey: [ADMIN, 'records', filters],
    queryFn: async () => unwrap(await api.GET('/api/admin/records', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });

export const policiesQuery = () =>
  queryOptions({ queryKey: [ADMIN, 'policies'], queryFn: async () => unwrap(await api.GET('/api/admin/certification-policies')) });

export function useRecordAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, action, reason }: { id: string; action: 'revoke' | 'reissue'; reason: string }) =>
      action === 'revoke'
        ? unwrap(await api.POST('/api/admin/records/{id}/revocation', { params: { path: { id } }, body: { reason } }))
        : unwrap(await api.POST('/api/admin/records/{id}/reissue', { params: { path: { id } }, body: { reason } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: [ADMIN, 'records'] }),
  });
}

export function useSavePolicy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ group, settings }: { group: TargetGroup; settings: PolicySettings }) =>
      unwrap(await api.PUT('/api/admin/certification-policies/{targetGroup}', { params: { path: { targetGroup: group } }, body: settings })),
    onSuccess: () => qc.invalidateQueries({ queryKey: [ADMIN, 'policies'] }),
  });
}
