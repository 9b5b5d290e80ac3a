import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../lib/api-client';

export type CertificationStatus = Schemas['CertificationStatusDto'];
export type CompletionRecord = Schemas['RecordDto'];
export type Shortfall = Schemas['ShortfallDto'];
export type Verification = Schemas['VerificationDto'];

export const certificationQuery = () =>
  queryOptions({ queryKey: ['learning', 'certification'], queryFn: async () => unwrap(await api.GET('/api/certification')) });

export const myRecordsQuery = () =>
  queryOptions({ queryKey: ['learning', 'records'], queryFn: async () => unwrap(await api.GET('/api/me/records')) });

export const verifyQuery = (code: string) =>
  queryOptions({
    queryKey: ['verify', code],
    queryFn: async () => unwrap(await api.GET('/api/verify/{code}', { params: { path: { code } } })),
    retry: false,
  });

export function useClaim() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/certification/claim')),
    onSuccess: (status) => {
      qc.setQueryData(certificationQuery().queryKey, status);
      void qc.invalidateQueries({ queryKey: ['learning', 'records'] });
    },
  });
}

export function useCheckCredential() {
  return useMutation({
    mutationFn: async (credential: string) => unwrap(await api.POST('/api/verify/credential', { body: { credential } })),
  });
}

export const pdfUrl = (id: string) => `/api/me/records/${id}/certificate.pdf`;
export const verifyPath = (code: string) => `/verify/${code}`;

/** Fetches the signed credential and saves it as a .jwt file. */
export async function downloadCredential(record: CompletionRecord): Promise<void> {
  const { jwt } = unwrap(await api.GET('/api/me/records/{id}/credential', { params: { path: { id: record.id } } }));
  const url = URL.createObjectURL(new Blob([jwt], { type: 'application/jwt' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `chung-chi-so-${record.code}.jwt`;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
