import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/feedback';
import { api, unwrap } from '../../lib/api-client';
import { generalMessage } from '../../lib/form-errors';

const teamQuery = { queryKey: ['admin', 'community-team'], queryFn: async () => unwrap(await api.GET('/api/admin/community-team')) };

/** Appoints the person to (or relieves them from) the community digital technology team of their commune. */
export function TeamAppointment({ userId, role }: { userId: string; role: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const team = useQuery(teamQuery);
  const change = useMutation({
    mutationFn: async (appoint: boolean) =>
      unwrap(appoint
        ? await api.PUT('/api/admin/community-team/{id}', { params: { path: { id: userId } } })
        : await api.DELETE('/api/admin/community-team/{id}', { params: { path: { id: userId } } })),
    onSettled: () => qc.invalidateQueries({ queryKey: teamQuery.queryKey }),
  });
  if (role === 'admin' || !team.data) return null;
  const member = team.data.some((m) => m.userId === userId);
  return (
    <section aria-labelledby="team-appointment">
      <h2 id="team-appointment">{t('community.title')}</h2>
      <p>{t(member ? 'community.isMember' : 'community.notYetMember')}</p>
      <button type="button" className="button" disabled={change.isPending} onClick={() => change.mutate(!member)}>
        {t(member ? 'community.relieve' : 'community.appoint')}
      </button>
      {change.isError && <Alert kind="error">{generalMessage(t, change.error)}</Alert>}
    </section>
  );
}
