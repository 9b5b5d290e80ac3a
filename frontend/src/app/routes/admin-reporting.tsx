import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CohortDashboard } from '../../features/reporting/cohort-dashboard';
import { RequireAuth } from '../require-auth';
import { usePageTitle } from './use-page-title';

export default function AdminReportingPage() {
  const { t } = useTranslation();
  usePageTitle(t('reporting.title'));
  return (
    <RequireAuth role="admin">
      {() => (
        <section>
          <h1 tabIndex={-1}>{t('reporting.title')}</h1>
          <p>
            <Link to="/quan-tri/chi-tieu">{t('reporting.targetsTitle')}</Link>
          </p>
          <CohortDashboard />
        </section>
      )}
    </RequireAuth>
  );
}
