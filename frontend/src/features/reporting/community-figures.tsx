import '../../lib/i18n-together';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { Alert } from '../../components/ui/feedback';
import { api, type Schemas, unwrap } from '../../lib/api-client';
import { generalMessage } from '../../lib/form-errors';
import type { CohortFilters } from './api';
import { useFigure } from './figures';

type Measures = Schemas['CommunityMeasuresDto'];
const MEASURES = [
  'teamMembers', 'residentsRegistered', 'visits', 'peopleHelped', 'ambassadors', 'mentees', 'menteesWithRecord', 'households', 'digitalHouseholds', 'verifiedIdentities',
] as const satisfies readonly (keyof Measures)[];
/** Measures counted by place, not by person: a person's group, organisation or age does not narrow them. */
const BY_PLACE = new Set<keyof Measures>(['visits', 'peopleHelped', 'households', 'digitalHouseholds']);
const KEYS = ['unitId', 'targetGroup', 'courseId', 'frameworkVersion', 'organisationId', 'ageBand', 'from', 'to'] as const;

const communityQuery = (filters: CohortFilters) =>
  queryOptions({
    queryKey: ['reporting', 'community', filters],
    queryFn: async () => unwrap(await api.GET('/api/admin/reporting/community', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });

/** Teams, ambassadors, households and verified identities of the unit viewed, with the filters in the address. */
export function CommunityFigures() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const filters = Object.fromEntries(KEYS.flatMap((k) => (params.get(k) ? [[k, k === 'ageBand' ? Number(params.get(k)) : params.get(k)]] : []))) as CohortFilters;
  const report = useQuery(communityQuery(filters));
  const none = Boolean(filters.courseId || filters.frameworkVersion);
  const byPerson = Boolean(filters.targetGroup || filters.organisationId || filters.ageBand !== undefined);
  const applies = (m: keyof Measures) => !none && !(byPerson && BY_PLACE.has(m));
  if (report.isError) return <Alert kind="error">{generalMessage(t, report.error)}</Alert>;
  if (!report.data) return null;
  const { total, children, householdRule } = report.data;
  return (
    <section aria-labelledby="community-figures">
      <h2 id="community-figures">{t('communityReport.title')}</h2>
      <p className="hint">
        {t('communityReport.note')}{' '}
        {householdRule.requiredPercent === 100
          ? t('households.ruleAll', { age: householdRule.adultAge })
          : t('households.ruleShare', { percent: householdRule.requiredPercent, age: householdRule.adultAge })}
      </p>
      <CommunityTables total={total} rows={children} minCount={report.data.minCount} applies={applies} />
    </section>
  );
}

/**
 * The community measures' tables: the whole, then one row per unit below. `applies` says whether a null
 * is a suppressed count or a measure the filters do not follow. Shared by the live figures and the frozen
 * periodic report.
 */
export function CommunityTables({ total, rows, minCount, applies = () => true }: {
  total: Measures;
  rows: Schemas['CommunityRowDto'][];
  minCount: number;
  applies?: (m: keyof Measures) => boolean;
}) {
  const { t } = useTranslation();
  const f = useFigure(minCount);
  return (
    <>
      <table className="stack-table">
        <caption>{t('communityReport.totalCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('communityReport.measure')}</th>
            <th scope="col">{t('communityReport.value')}</th>
          </tr>
        </thead>
        <tbody>
          {MEASURES.map((m) => (
            <tr key={m}>
              <th scope="row">{t(`communityReport.m.${m}`)}</th>
              <td data-label={t('communityReport.value')}>{f.count(total[m], applies(m))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > 0 && (
        <div className="table-scroll" role="region" aria-label={t('communityReport.childrenCaption')} tabIndex={0}>
          <table className="stack-table">
            <caption>{t('communityReport.childrenCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reporting.unit')}</th>
                {MEASURES.map((m) => (
                  <th key={m} scope="col">{t(`communityReport.m.${m}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.unit.id}>
                  <th scope="row">{c.unit.name}</th>
                  {MEASURES.map((m) => (
                    <td key={m} data-label={t(`communityReport.m.${m}`)}>{f.count(c.measures[m], applies(m))}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
