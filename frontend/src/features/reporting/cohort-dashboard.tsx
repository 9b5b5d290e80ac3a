import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Spinner } from '../../components/ui/feedback';
import { SelectField, TextField } from '../../components/ui/fields';
import { Pager } from '../../components/ui/pager';
import { generalMessage } from '../../lib/form-errors';
import { type CohortFilters, type CohortReport, cohortOptionsQuery, cohortPeopleQuery, cohortQuery, COMMUNITY_GROUPS, type Measures, type PeopleFilters } from './api';
import { ExportButtons } from './export-buttons';
import { MonthChart, TargetBar, useFigure } from './figures';

const GROUPS = ['public_servant', 'student', 'worker', 'citizen'] as const;
const FILTER_KEYS = ['unitId', 'classId', 'targetGroup', 'courseId', 'frameworkVersion', 'organisationId', 'ageBand', 'from', 'to'] as const;

/** The filters live in the address, so a drill-down is a link and the back button goes back up. */
function useFilters(): [CohortFilters, (f: Partial<CohortFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters: CohortFilters = {};
  for (const key of FILTER_KEYS) {
    const v = params.get(key);
    if (v) (filters as Record<string, string | number>)[key] = key === 'ageBand' ? Number(v) : v;
  }
  const set = (f: Partial<CohortFilters>) => {
    const next = { ...filters, ...f };
    setParams(
      Object.fromEntries(
        Object.entries(next)
          .filter(([, v]) => v !== undefined && v !== '')
          .map(([k, v]) => [k, String(v)]),
      ),
    );
  };
  return [filters, set];
}

/** The dashboard of a unit (or, with classId, of one of its classes), keeping the other filters. */
export const drillLink = (filters: CohortFilters, unitId: string | undefined, classId?: string) => {
  const params = new URLSearchParams(
    Object.entries({ ...filters, unitId, classId })
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => [k, String(v)]),
  );
  return `/quan-tri/bao-cao?${params.toString()}`;
};

/** Headline figures, months, child units against targets, groups, the domain heat map and the people list. */
export function CohortDashboard() {
  const { t } = useTranslation();
  const [filters, setFilters] = useFilters();
  const report = useQuery(cohortQuery(filters));
  return (
    <>
      <FilterForm filters={filters} onApply={setFilters} />
      {report.isPending && <Spinner />}
      {report.isError && <Alert kind="error">{generalMessage(t, report.error)}</Alert>}
      {report.data && <Figures report={report.data} filters={filters} />}
    </>
  );
}

function FilterForm({ filters, onApply }: { filters: CohortFilters; onApply: (f: Partial<CohortFilters>) => void }) {
  const { t } = useTranslation();
  const options = useQuery(cohortOptionsQuery());
  const [draft, setDraft] = useState<CohortFilters>(filters);
  const field = (key: keyof CohortFilters) => ({
    name: key,
    value: String(draft[key] ?? ''),
    onChange: (e: { target: { value: string } }) =>
      setDraft((d) => ({
        ...d,
        [key]: e.target.value === '' ? undefined : key === 'ageBand' ? Number(e.target.value) : e.target.value,
      })),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(Object.fromEntries(FILTER_KEYS.filter((k) => k !== 'unitId').map((k) => [k, draft[k]])));
  };
  return (
    <form className="filters report-filters" onSubmit={submit} aria-label={t('reporting.filters')}>
      <SelectField label={t('reporting.targetGroup')} {...field('targetGroup')}>
        <option value="">{t('admin.allGroups')}</option>
        {GROUPS.map((g) => (
          <option key={g} value={g}>
            {t(`targetGroups.${g}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('reporting.course')} {...field('courseId')}>
        <option value="">{t('reporting.allCourses')}</option>
        {options.data?.courses.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('reporting.frameworkVersion')} {...field('frameworkVersion')}>
        <option value="">{t('reporting.allVersions')}</option>
        {options.data?.frameworkVersions.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('reporting.organisation')} {...field('organisationId')}>
        <option value="">{t('reporting.allOrganisations')}</option>
        {options.data?.organisations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('reporting.ageBand')} {...field('ageBand')}>
        <option value="">{t('reporting.allAges')}</option>
        {[1, 2, 3, 4, 5, 6, 0].map((b) => (
          <option key={b} value={b}>
            {t(`reporting.ageBands.${b}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t('reporting.from')} type="month" {...field('from')} />
      <TextField label={t('reporting.to')} type="month" {...field('to')} />
      <button type="submit" className="button primary">
        {t('reporting.apply')}
      </button>
    </form>
  );
}

function Figures({ report, filters }: { report: CohortReport; filters: CohortFilters }) {
  const { t, i18n } = useTranslation();
  const computedAt = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN', { timeStyle: 'short' }).format(new Date(report.computedAt));
  const f = useFigure(report.minCount);
  const m = report.total.measures;
  const place = report.class?.name ?? report.unit?.name ?? t('reporting.nation');
  const headline: [string, string][] = [
    [t('reporting.m.registered'), f.count(m.registered)],
    [t('reporting.m.enrolled'), f.count(m.enrolled)],
    [t('reporting.m.active'), f.count(m.active, m.active !== null || !(filters.courseId || filters.frameworkVersion))],
    [t('reporting.m.coursesCompleted'), f.count(m.coursesCompleted)],
    [t('reporting.m.completionRate'), f.percent(m.completionRate)],
    [t('reporting.m.recordHolders'), f.count(m.recordHolders, !(filters.courseId || filters.ageBand !== undefined))],
    [t('reporting.m.recordShare'), f.percent(m.recordShare)],
    [t('reporting.m.averageScore'), m.averageScore === null ? '—' : String(m.averageScore)],
  ];
  return (
    <>
      <nav aria-label={t('reporting.trail')} className="breadcrumbs">
        <ol>
          <li>
            <Link to={drillLink(filters, undefined)}>{t('reporting.nation')}</Link>
          </li>
          {report.trail.map((u) => (
            <li key={u.id}>
              <Link to={drillLink(filters, u.id)} aria-current={u.id === report.unit?.id && !report.class ? 'page' : undefined}>
                {u.name}
              </Link>
            </li>
          ))}
          {report.class && (
            <li>
              <Link to={drillLink(filters, report.unit?.id, report.class.id)} aria-current="page">
                {report.class.name}
              </Link>
            </li>
          )}
        </ol>
      </nav>
      <h2>{t('reporting.headline', { place, from: report.from, to: report.to })}</h2>
      <p className="hint">{t('reporting.computedAt', { time: computedAt })}</p>
      <dl className="headline-figures">
        {headline.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {report.total.target && (
        <p>
          {t('reporting.targetLine', {
            actual: f.count(report.total.target.actual),
            target: report.total.target.targetCount,
          })}{' '}
          <TargetBar percent={report.total.target.percent} behind={report.total.target.behind} />
        </p>
      )}
      <p className="hint">{t('reporting.suppressionNote', { n: report.minCount })}</p>
      <ExportButtons request={{ source: 'cohort', query: filters }} label={t('exports.tables')} />

      <h2 id="months-title">{t('reporting.months')}</h2>
      <div className="chart-with-table">
        <MonthChart
          label={t('reporting.months')}
          months={report.months.map((x) => ({
            month: x.month,
            value: x.coursesCompleted,
          }))}
        />
        <table className="stack-table">
          <caption>{t('reporting.monthsTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reporting.month')}</th>
              <th scope="col">{t('reporting.m.enrolled')}</th>
              <th scope="col">{t('reporting.m.coursesCompleted')}</th>
              <th scope="col">{t('reporting.m.active')}</th>
              <th scope="col">{t('reporting.m.recordsIssued')}</th>
            </tr>
          </thead>
          <tbody>
            {report.months.map((x) => (
              <tr key={x.month}>
                <th scope="row">{x.month}</th>
                <td data-label={t('reporting.m.enrolled')}>{f.count(x.enrolled)}</td>
                <td data-label={t('reporting.m.coursesCompleted')}>{f.count(x.coursesCompleted)}</td>
                <td data-label={t('reporting.m.active')}>{f.count(x.active)}</td>
                <td data-label={t('reporting.m.recordsIssued')}>{f.count(x.recordsIssued)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {report.children.length > 0 && <ChildUnits report={report} filters={filters} />}
      <GroupTable report={report} />
      <HeatMap report={report} />
      <PeopleList filters={filters} />
    </>
  );
}

function ChildUnits({ report, filters }: { report: CohortReport; filters: CohortFilters }) {
  const { t } = useTranslation();
  const f = useFigure(report.minCount);
  // Behind first, then the lowest share of the target, so the units that need help lead the list.
  const rows = [...report.children].sort(
    (a, b) =>
      Number(b.target?.behind ?? false) - Number(a.target?.behind ?? false) ||
      (a.target?.percent ?? 101) - (b.target?.percent ?? 101) ||
      a.unit.name.localeCompare(b.unit.name, 'vi'),
  );
  const behind = rows.filter((r) => r.target?.behind).length;
  return (
    <>
      <h2>{t(report.unit ? 'reporting.communes' : 'reporting.provinces')}</h2>
      <p role="status">{t('reporting.behindCount', { count: behind })}</p>
      <table className="stack-table">
        <caption className="visually-hidden">{t(report.unit ? 'reporting.communes' : 'reporting.provinces')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reporting.unit')}</th>
            <th scope="col">{t('reporting.m.registered')}</th>
            <th scope="col">{t('reporting.m.enrolled')}</th>
            <th scope="col">{t('reporting.m.completionRate')}</th>
            <th scope="col">{t('reporting.m.recordHolders')}</th>
            <th scope="col">{t('reporting.target')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.unit.id}>
              <th scope="row">
                <Link to={drillLink(filters, r.unit.id)}>{r.unit.name}</Link>
              </th>
              <td data-label={t('reporting.m.registered')}>{f.count(r.measures.registered)}</td>
              <td data-label={t('reporting.m.enrolled')}>{f.count(r.measures.enrolled)}</td>
              <td data-label={t('reporting.m.completionRate')}>{f.percent(r.measures.completionRate)}</td>
              <td data-label={t('reporting.m.recordHolders')}>{f.count(r.measures.recordHolders)}</td>
              <td data-label={t('reporting.target')}>
                {r.target ? (
                  <>
                    {t('reporting.ofTarget', { target: r.target.targetCount })} <TargetBar percent={r.target.percent} behind={r.target.behind} />
                  </>
                ) : (
                  t('reporting.noTarget')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function GroupTable({ report }: { report: CohortReport }) {
  const { t } = useTranslation();
  const f = useFigure(report.minCount);
  const cols: [keyof Measures, 'count' | 'percent'][] = [
    ['registered', 'count'],
    ['enrolled', 'count'],
    ['coursesCompleted', 'count'],
    ['completionRate', 'percent'],
    ['selfAssessments', 'count'],
    ['recordHolders', 'count'],
  ];
  return (
    <>
      <h2>{t('reporting.groups')}</h2>
      <table className="stack-table">
        <caption className="visually-hidden">{t('reporting.groups')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reporting.targetGroup')}</th>
            {cols.map(([c]) => (
              <th scope="col" key={c}>
                {t(`reporting.m.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.groups.map((g) => (
            <tr key={g.targetGroup}>
              <th scope="row">{t(`targetGroups.${g.targetGroup}`)}</th>
              {cols.map(([c, kind]) => (
                <td key={c} data-label={t(`reporting.m.${c}`)}>
                  {kind === 'count' ? f.count(g.measures[c]) : f.percent(g.measures[c])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Domains × child units: a table whose cells are shaded by the mean score, the number always written. */
function HeatMap({ report }: { report: CohortReport }) {
  const { t } = useTranslation();
  const domains = [...new Set(report.domainScores.map((c) => c.code))];
  if (domains.length === 0) return null;
  const units = [
    {
      id: null as string | null,
      name: report.unit?.name ?? t('reporting.nation'),
    },
    ...report.children.map((c) => ({
      id: c.unit.id as string | null,
      name: c.unit.name,
    })),
  ];
  const cell = (unitId: string | null, code: string) => report.domainScores.find((c) => c.unitId === unitId && c.code === code)?.average ?? null;
  const shade = (v: number | null) => (v === null ? 'heat-none' : v >= 75 ? 'heat-high' : v >= 50 ? 'heat-mid' : 'heat-low');
  return (
    <>
      <h2>{t('reporting.heatMap')}</h2>
      <div className="table-scroll">
        <table className="heat-map">
          <caption className="visually-hidden">{t('reporting.heatMap')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reporting.unit')}</th>
              {domains.map((d) => (
                <th scope="col" key={d}>
                  {t('reporting.domain', { code: d })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.id ?? 'all'}>
                <th scope="row">{u.name}</th>
                {domains.map((d) => {
                  const v = cell(u.id, d);
                  return (
                    <td key={d} className={shade(v)}>
                      {v ?? '—'}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** The people behind the figures: only on request, a page at a time; the server audits each opening. */
function PeopleList({ filters }: { filters: CohortFilters }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(0);
  const [community, setCommunity] = useState<PeopleFilters['community']>();
  const narrowed = community ? { ...filters, community } : filters;
  const people = useQuery({
    ...cohortPeopleQuery({ ...narrowed, page: Math.max(1, page) }),
    enabled: page > 0,
  });
  if (page === 0) {
    return (
      <p>
        <button type="button" className="button" onClick={() => setPage(1)}>
          {t('reporting.showPeople')}
        </button>{' '}
        <span className="hint">{t('reporting.peopleAudited')}</span>
      </p>
    );
  }
  const pages = Math.max(1, Math.ceil((people.data?.total ?? 0) / 20));
  return (
    <>
      <h2>{t('reporting.people')}</h2>
      <SelectField
        label={t('reporting.communityGroup')}
        name="community"
        value={community ?? ''}
        onChange={(e) => {
          setCommunity((e.target.value || undefined) as PeopleFilters['community']);
          setPage(1);
        }}
      >
        <option value="">{t('reporting.communityGroups.all')}</option>
        {COMMUNITY_GROUPS.map((g) => (
          <option key={g} value={g}>
            {t(`reporting.communityGroups.${g}`)}
          </option>
        ))}
      </SelectField>
      {people.isPending && <Spinner />}
      {people.isError && <Alert kind="error">{generalMessage(t, people.error)}</Alert>}
      {people.data && (
        <>
          <p role="status">{t('admin.results', { count: people.data.total })}</p>
          <table className="stack-table">
            <caption className="visually-hidden">{t('reporting.people')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.colName')}</th>
                <th scope="col">{t('admin.colUnit')}</th>
                <th scope="col">{t('admin.colGroup')}</th>
                <th scope="col">{t('reporting.m.enrolled')}</th>
                <th scope="col">{t('reporting.m.coursesCompleted')}</th>
                <th scope="col">{t('reporting.holdsRecord')}</th>
              </tr>
            </thead>
            <tbody>
              {people.data.items.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.fullName || '—'}</th>
                  <td data-label={t('admin.colUnit')}>{p.unitName}</td>
                  <td data-label={t('admin.colGroup')}>{t(`targetGroups.${p.targetGroup}`)}</td>
                  <td data-label={t('reporting.m.enrolled')}>{p.enrolled}</td>
                  <td data-label={t('reporting.m.coursesCompleted')}>{p.coursesCompleted}</td>
                  <td data-label={t('reporting.holdsRecord')}>{p.holdsRecord ? t('reporting.yes') : t('reporting.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={page} pages={pages} onPage={setPage} />
          <ExportButtons request={{ source: 'people', query: narrowed }} label={t('exports.people')} />
        </>
      )}
    </>
  );
}
