import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../lib/api-client';
import type { operations } from '../../lib/api-schema';

export type CohortFilters = NonNullable<operations['ReportingController_cohort']['parameters']['query']>;
export type CohortReport = Schemas['CohortReportDto'];
export type Measures = Schemas['MeasuresDto'];
export type Target = Schemas['TargetDto'];
export type SetTarget = Schemas['SetTargetDto'];

const REPORTING = 'reporting';

export const cohortQuery = (filters: CohortFilters) =>
  queryOptions({
    queryKey: [REPORTING, 'cohort', filters],
    queryFn: async () => unwrap(await api.GET('/api/admin/reporting/cohort', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });

export const cohortOptionsQuery = () =>
  queryOptions({ queryKey: [REPORTING, 'options'], queryFn: async () => unwrap(await api.GET('/api/admin/reporting/options')), staleTime: 5 * 60_000 });

/** Each fetch of this list is audited on the server: it is fetched only when the administrator opens it. */
/** The community cohorts the person list can be narrowed to (the server's COMMUNITY_GROUPS). */
export const COMMUNITY_GROUPS = ['team_members', 'team_residents', 'ambassadors', 'mentees', 'household_members', 'verified_identity'] as const satisfies readonly NonNullable<PeopleFilters['community']>[];
export type PeopleFilters = NonNullable<operations['ReportingController_people']['parameters']['query']>;

export const cohortPeopleQuery = (filters: CohortFilters & Pick<PeopleFilters, 'community'> & { page: number }) =>
  queryOptions({
    queryKey: [REPORTING, 'people', filters],
    queryFn: async () => unwrap(await api.GET('/api/admin/reporting/people', { params: { query: { ...filters, pageSize: 20 } } })),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });

export const targetsQuery = (year: number) =>
  queryOptions({
    queryKey: [REPORTING, 'targets', year],
    queryFn: async () => unwrap(await api.GET('/api/admin/reporting/targets', { params: { query: { year } } })),
  });

export function useSetTarget() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: SetTarget) => unwrap(await api.PUT('/api/admin/reporting/targets', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: [REPORTING] }),
  });
}

export function useImportTargets() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: { year: number; csv: string }) => unwrap(await api.POST('/api/admin/reporting/targets/import', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: [REPORTING] }),
  });
}

export function useStartRecount() {
  return useMutation({ mutationFn: async () => unwrap(await api.POST('/api/admin/reporting/recounts')) });
}

export const recountQuery = (id: string) =>
  queryOptions({
    queryKey: [REPORTING, 'recount', id],
    queryFn: async () => unwrap(await api.GET('/api/admin/reporting/recounts/{id}', { params: { path: { id } } })),
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'done' || q.state.data.status === 'failed') ? false : 1000),
  });

export const TARGET_GROUPS = ['public_servant', 'student', 'worker', 'citizen'] as const;

export type ReportKind = Schemas['FreezeDto']['kind'];
export const REPORT_KINDS: ReportKind[] = ['monthly', 'quarterly', 'half_yearly', 'yearly'];

export const periodicQuery = (kind: ReportKind, period?: string) =>
  queryOptions({
    queryKey: [REPORTING, 'periodic', kind, period ?? null],
    queryFn: async () => unwrap(await api.GET('/api/admin/reporting/periodic', { params: { query: { kind, ...(period ? { period } : {}) } } })),
  });

export function useSubmitReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await api.POST('/api/admin/reporting/periodic/{id}/submission', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: [REPORTING, 'periodic'] }),
  });
}

export type ExportRequest = Schemas['CreateExportDto'];

export function useRequestExport() {
  return useMutation({ mutationFn: async (body: ExportRequest) => unwrap(await api.POST('/api/admin/reporting/exports', { body })) });
}

export const exportQuery = (id: string) =>
  queryOptions({
    queryKey: [REPORTING, 'export', id],
    queryFn: async () => unwrap(await api.GET('/api/admin/reporting/exports/{id}', { params: { path: { id } } })),
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'done' || q.state.data.status === 'failed') ? false : 700),
  });
