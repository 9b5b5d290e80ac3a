import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/feedback';
import { api, unwrap } from '../../lib/api-client';
import { generalMessage } from '../../lib/form-errors';

/**
 * The right to review and publish courses written in the studio (never the teacher's own), given to a
 * teacher for the administrator's own scope; every change is audited by the API.
 */
export function ReviewerRight({ userId, role }: { userId: string; role: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const queryKey = ['admin', 'reviewer', userId];
  const right = useQuery({ queryKey, queryFn: async () => unwrap(await api.GET('/api/admin/users/{id}/reviewer', { params: { path: { id: userId } } })), enabled: role === 'teacher' });
  const change = useMutation({
    mutationFn: async (grant: boolean) =>
      unwrap(
        grant
          ? await api.PUT('/api/admin/users/{id}/reviewer', { params: { path: { id: userId } }, body: {} })
          : await api.DELETE('/api/admin/users/{id}/reviewer', { params: { path: { id: userId } } }),
      ),
    onSettled: () => qc.invalidateQueries({ queryKey }),
  });
  if (role !== 'teacher' || !right.data) return null;
  const r = right.data;
  return (
    <section aria-labelledby="reviewer-right">
      <h2 id="reviewer-right">{t('reviewer.title')}</h2>
      <p>{r.reviewer ? t('reviewer.has', { scope: r.scopeUnitName ?? t('reviewer.nation') }) : t('reviewer.hasNot')}</p>
      <button type="button" className="button" disabled={change.isPending} onClick={() => change.mutate(!r.reviewer)}>
        {t(r.reviewer ? 'reviewer.revoke' : 'reviewer.grant')}
      </button>
      {change.isError && <Alert kind="error">{generalMessage(t, change.error)}</Alert>}
    </section>
  );
}
