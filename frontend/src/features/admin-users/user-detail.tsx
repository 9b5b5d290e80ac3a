import { DetailsList } from '../../components/ui/details-list';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Alert, Spinner } from '../../components/ui/feedback';
import { generalMessage } from '../../lib/form-errors';
import { formatDate } from '../../lib/i18n';
import { adminUserQuery, useIssueResetCode, useSetStatus } from './api';
import { ReviewerRight } from './reviewer-right';
import { TeamAppointment } from './team-appointment';

export function UserDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const user = useQuery(adminUserQuery(id));
  const issue = useIssueResetCode(id);
  const setStatus = useSetStatus(id);
  if (user.isPending) return <Spinner />;
  if (user.isError) return <Alert kind="error">{generalMessage(t, user.error)}</Alert>;
  const u = user.data;
  const rows: [string, string][] = [
    [t('fields.fullName'), u.fullName],
    [t('fields.phone'), u.phone ?? t('profile.none')],
    [t('fields.email'), u.email ?? t('profile.none')],
    [t('fields.birthYear'), String(u.birthYear)],
    [t('fields.targetGroup'), t(`targetGroups.${u.targetGroup}`)],
    [t('profile.unit'), `${u.unit.name}, ${u.province.name}`],
    [t('profile.organisation'), u.organisation?.name ?? t('profile.none')],
    [t('profile.role'), t(`roles.${u.role}`)],
    [t('admin.colStatus'), t(u.status === 'active' ? 'admin.active' : 'admin.disabled')],
  ];
  return (
    <>
      <p>
        <Link to="/quan-tri/nguoi-dung">{t('admin.back')}</Link>
      </p>
      <DetailsList rows={rows} />
      {u.lockedUntil && new Date(u.lockedUntil) > new Date() && <Alert kind="info">{t('admin.lockedUntil', { date: formatDate(u.lockedUntil, i18n.language) })}</Alert>}
      <div className="actions">
        <button type="button" className="button primary" onClick={() => issue.mutate()} disabled={issue.isPending}>
          {t('admin.issueCode')}
        </button>
        <button type="button" className="button danger" onClick={() => setStatus.mutate(u.status === 'active' ? 'disable' : 'enable')}>
          {t(u.status === 'active' ? 'admin.disable' : 'admin.enable')}
        </button>
      </div>
      {issue.data && (
        <Alert kind="success">
          <p>{t('admin.codeIssued')}</p>
          <p className="reset-code">{issue.data.code}</p>
          <p>{t('admin.codeNote', { date: formatDate(issue.data.expiresAt, i18n.language) })}</p>
        </Alert>
      )}
      {(issue.isError || setStatus.isError) && <Alert kind="error">{generalMessage(t, issue.error ?? setStatus.error)}</Alert>}
      <TeamAppointment userId={u.id} role={u.role} />
      <ReviewerRight userId={u.id} role={u.role} />
    </>
  );
}
