import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { TargetsEditor } from '../../features/reporting/targets-editor';
import { RequireAuth } from '../require-auth';
import { usePageTitle } from './use-page-title';
import '../../lib/staff-strings';

export default function AdminTargetsPage() {
  const { t } = useTranslation();
  usePageTitle(t('reporting.targetsTitle'));
  return (
    <RequireAuth role="admin">
      {(me) => (
        <section>
          <h1 tabIndex={-1}>{t('reporting.targetsTitle')}</h1>
          <p>
            <Link to="/quan-tri/bao-cao">{t('reporting.title')}</Link>
          </p>
          <TargetsEditor me={me} />
        </section>
      )}
    </RequireAuth>
  );
}
