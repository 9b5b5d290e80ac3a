import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ClassList } from '../../features/classes/class-list';
import { CohortDashboard } from '../../features/reporting/cohort-dashboard';
import { CommunityFigures } from '../../features/reporting/community-figures';
import { RequireAuth } from '../require-auth';
import { usePageTitle } from './use-page-title';
import '../../lib/staff-strings';

export default function AdminReportingPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  usePageTitle(t('reporting.title'));
  return (
    <RequireAuth role="admin">
      {() => (
        <section>
          <h1 tabIndex={-1}>{t('reporting.title')}</h1>
          <p>
            <Link to="/quan-tri/chi-tieu">{t('reporting.targetsTitle')}</Link> · <Link to="/quan-tri/bao-cao-dinh-ky">{t('periodic.title')}</Link> ·{' '}
            <Link to="/quan-tri/gia-dinh-so">{t('householdRules.title')}</Link>
          </p>
          <CohortDashboard />
          <CommunityFigures />
          {/* The drill-down's last step: the classes of the unit viewed, each with its roster. */}
          <h2>{t('classes.ofUnit')}</h2>
          <ClassList canCreate={false} unitId={params.get('unitId') ?? undefined} />
        </section>
      )}
    </RequireAuth>
  );
}
