import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ClassList } from '../../features/classes/class-list';
import type { CohortFilters } from '../../features/reporting/api';
import { CohortDashboard, drillLink } from '../../features/reporting/cohort-dashboard';
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
          {/* Teams, visits and households belong to places: a class's page has its members' figures only. */}
          {!params.get('classId') && <CommunityFigures />}
          {/* The drill-down's last step: the classes of the unit viewed, each with its figures and its roster. */}
          <h2>{t('classes.ofUnit')}</h2>
          <ClassList canCreate={false} unitId={params.get('unitId') ?? undefined} figuresLink={(classId) => drillLink(otherFilters(params), undefined, classId)} />
        </section>
      )}
    </RequireAuth>
  );
}

/** The filters of the address but the place: a class's figures keep the period and the groups chosen. */
const otherFilters = (params: URLSearchParams) => Object.fromEntries([...params].filter(([k]) => k !== 'unitId' && k !== 'classId')) as CohortFilters;
