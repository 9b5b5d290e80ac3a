import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PeriodicReports } from '../../features/reporting/periodic-reports';
import { RequireAuth } from '../require-auth';
import { usePageTitle } from './use-page-title';
import '../../lib/staff-strings';

export default function AdminPeriodicPage() {
  const { t } = useTranslation();
  usePageTitle(t('periodic.title'));
  return (
    <RequireAuth role="admin">
      {() => (
        <section>
          <h1 tabIndex={-1}>{t('periodic.title')}</h1>
          <p>
            <Link to="/quan-tri/bao-cao">{t('reporting.title')}</Link>
          </p>
          <PeriodicReports />
        </section>
      )}
    </RequireAuth>
  );
}
