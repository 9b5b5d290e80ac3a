import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Spinner } from '../../components/ui/feedback';
import { SelectField, TextField } from '../../components/ui/fields';
import type { Schemas } from '../../lib/api-client';
import { formatDay } from '../../lib/i18n';
import { generalMessage } from '../../lib/form-errors';
import { type Measures, periodicQuery, REPORT_KINDS, type ReportKind, useSubmitReport } from './api';
import { CommunityTables } from './community-figures';
import { ExportButtons } from './export-buttons';
import { useFigure } from './figures';

type FrozenCommunity = { total: Schemas['CommunityMeasuresDto'] | null; children: Schemas['CommunityRowDto'][] };

/** The unit's frozen report for a period, its submission, and who below has submitted. */
export function PeriodicReports() {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<ReportKind>('monthly');
  const [period, setPeriod] = useState('');
  const overview = useQuery(periodicQuery(kind, period || undefined));
  const submit = useSubmitReport();
  const f = useFigure(5);
  const o = overview.data;
  const figures = o?.report?.figures as { total?: { measures?: Measures }; community?: FrozenCommunity } | undefined;
  const measures = figures?.total?.measures;
  // Reports frozen before the community measures existed have none.
  const community = figures?.community?.total ? { total: figures.community.total, rows: figures.community.children } : null;
  const rows: [keyof Measures, 'count' | 'percent'][] = [
    ['registered', 'count'],
    ['enrolled', 'count'],
    ['coursesCompleted', 'count'],
    ['completionRate', 'percent'],
    ['recordHolders', 'count'],
    ['recordShare', 'percent'],
  ];
  return (
    <>
      <div className="report-filters">
        <SelectField
          label={t('periodic.kind')}
          name="kind"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as ReportKind);
            setPeriod('');
          }}
        >
          {REPORT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`periodic.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('periodic.period')}
          name="period"
          hint={t('periodic.periodHint')}
          value={period}
          onChange={(e) => setPeriod(e.target.value.trim())}
        />
      </div>
      {overview.isPending && <Spinner />}
      {overview.isError && <Alert kind="error">{generalMessage(t, overview.error)}</Alert>}
      {o && (
        <>
          <h2>
            {t('periodic.heading', {
              kind: t(`periodic.kinds.${o.kind}`),
              period: o.period,
            })}
          </h2>
          <p>
            {t('periodic.dates', {
              from: o.from,
              to: o.to,
              cutoff: formatDay(o.cutoffAt, i18n.language),
              due: formatDay(o.dueAt, i18n.language),
            })}
          </p>
          {!o.report ? (
            <p>{t('periodic.notFrozen')}</p>
          ) : (
            <>
              <table className="stack-table">
                <caption>
                  {t('periodic.frozenAt', {
                    date: formatDay(o.report.frozenAt, i18n.language),
                  })}
                </caption>
                <tbody>
                  {rows.map(([m, kindOf]) => (
                    <tr key={m}>
                      <th scope="row">{t(`reporting.m.${m}`)}</th>
                      <td>{kindOf === 'count' ? f.count(measures?.[m]) : f.percent(measures?.[m])}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {community && (
                <section aria-labelledby="frozen-community">
                  <h3 id="frozen-community">{t('communityReport.title')}</h3>
                  <p className="hint">{t('communityReport.frozenNote')}</p>
                  <CommunityTables total={community.total} rows={community.rows} minCount={5} />
                </section>
              )}
              {o.report.level !== 'nation' &&
                (o.report.submittedAt ? (
                  <Alert kind="success">
                    {t('periodic.submitted', {
                      date: formatDay(o.report.submittedAt, i18n.language),
                    })}
                  </Alert>
                ) : (
                  <button type="button" className="button primary" disabled={submit.isPending} onClick={() => submit.mutate(o.report!.id)}>
                    {t('periodic.submit')}
                  </button>
                ))}
              {submit.isError && <Alert kind="error">{generalMessage(t, submit.error)}</Alert>}
              <ExportButtons request={{ source: 'periodic', reportId: o.report.id }} label={t('exports.report')} />
            </>
          )}
          {o.children.length > 0 && (
            <>
              <h2>{t('periodic.below')}</h2>
              <p role="status">
                {t('periodic.belowSummary', {
                  submitted: o.children.filter((c) => c.status === 'submitted').length,
                  late: o.children.filter((c) => c.status === 'late').length,
                  total: o.children.length,
                })}
              </p>
              <table className="stack-table">
                <caption className="visually-hidden">{t('periodic.below')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('reporting.unit')}</th>
                    <th scope="col">{t('periodic.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...o.children]
                    .sort((x, y) => Number(y.status === 'late') - Number(x.status === 'late'))
                    .map((c) => (
                      <tr key={c.unitId}>
                        <th scope="row">{c.unitName}</th>
                        <td data-label={t('periodic.status')} className={c.status === 'late' ? 'unmet' : c.status === 'submitted' ? 'met' : undefined}>
                          {t(`periodic.statuses.${c.status}`)}
                          {c.submittedAt && ` (${formatDay(c.submittedAt, i18n.language)})`}
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
    </>
  );
}
