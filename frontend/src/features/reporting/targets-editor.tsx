import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, ErrorSummary, Spinner } from '../../components/ui/feedback';
import { SelectField, TextField } from '../../components/ui/fields';
import { ApiRequestError, type Me } from '../../lib/api-client';
import { generalMessage } from '../../lib/form-errors';
import { cohortQuery, recountQuery, type SetTarget, targetsQuery, useImportTargets, useSetTarget, useStartRecount } from './api';

const GROUPS = ['public_servant', 'student', 'worker', 'citizen'] as const;

/** Yearly targets inside the administrator's scope: one at a time, or head-counts from a CSV. */
export function TargetsEditor({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(new Date().getFullYear());
  const targets = useQuery(targetsQuery(year));
  return (
    <>
      <SelectField label={t('reporting.year')} name="year" value={String(year)} onChange={(e) => setYear(Number(e.target.value))}>
        {[0, 1, 2]
          .map((d) => new Date().getFullYear() - 1 + d)
          .map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
      </SelectField>
      {targets.isPending && <Spinner />}
      {targets.isError && <Alert kind="error">{generalMessage(t, targets.error)}</Alert>}
      {targets.data && (
        <table className="stack-table">
          <caption>{t('reporting.targetsOf', { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reporting.unit')}</th>
              <th scope="col">{t('reporting.targetGroup')}</th>
              <th scope="col">{t('reporting.population')}</th>
              <th scope="col">{t('reporting.targetPercent')}</th>
              <th scope="col">{t('reporting.targetCount')}</th>
            </tr>
          </thead>
          <tbody>
            {targets.data.length === 0 && (
              <tr>
                <td colSpan={5}>{t('reporting.noTargets')}</td>
              </tr>
            )}
            {targets.data.map((x) => (
              <tr key={x.id}>
                <th scope="row">{x.unitName ?? t('reporting.nationDefault')}</th>
                <td data-label={t('reporting.targetGroup')}>{t(`targetGroups.${x.targetGroup}`)}</td>
                <td data-label={t('reporting.population')}>{x.population ?? '—'}</td>
                <td data-label={t('reporting.targetPercent')}>{x.targetPercent === null ? '—' : `${x.targetPercent} %`}</td>
                <td data-label={t('reporting.targetCount')}>{x.targetCount ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <TargetForm me={me} year={year} />
      <CsvImport year={year} />
      {me.scope?.level === 'nation' && <Recount />}
    </>
  );
}

function TargetForm({ me, year }: { me: Me; year: number }) {
  const { t } = useTranslation();
  const scope = useQuery(cohortQuery({}));
  const save = useSetTarget();
  const [form, setForm] = useState({
    unitId: '',
    targetGroup: 'citizen',
    population: '',
    targetPercent: '',
    targetCount: '',
  });
  const [done, setDone] = useState(false);
  const units = [...(scope.data?.unit ? [scope.data.unit] : []), ...(scope.data?.children.map((c) => c.unit) ?? [])];
  // Only national administrators have the national default; everyone else starts on their own unit.
  const unitId = form.unitId || (me.scope?.level === 'nation' ? '' : (units[0]?.id ?? ''));
  const errors = save.error instanceof ApiRequestError ? save.error.fieldErrors() : [];
  const num = (v: string) => (v.trim() === '' ? null : Number(v));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const body: SetTarget = {
      year,
      targetGroup: form.targetGroup as SetTarget['targetGroup'],
      unitId: unitId || undefined,
      population: num(form.population),
      targetPercent: num(form.targetPercent),
      targetCount: num(form.targetCount),
    };
    save.mutate(body, { onSuccess: () => setDone(true) });
  };
  const bind = (key: keyof typeof form) => ({
    name: key,
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value })),
  });
  return (
    <>
      <h2 id="set-target-title">{t('reporting.setTarget')}</h2>
      <ErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate className="report-filters" aria-labelledby="set-target-title">
        <SelectField label={t('reporting.unit')} {...bind('unitId')} value={unitId}>
          {me.scope?.level === 'nation' && <option value="">{t('reporting.nationDefault')}</option>}
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('reporting.targetGroup')} {...bind('targetGroup')}>
          {GROUPS.map((g) => (
            <option key={g} value={g}>
              {t(`targetGroups.${g}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('reporting.population')} inputMode="numeric" {...bind('population')} />
        <TextField label={t('reporting.targetPercent')} inputMode="numeric" {...bind('targetPercent')} />
        <TextField label={t('reporting.targetCount')} inputMode="numeric" {...bind('targetCount')} />
        <button type="submit" className="button primary" disabled={save.isPending}>
          {t('reporting.save')}
        </button>
      </form>
      {done && <Alert kind="success">{t('reporting.saved')}</Alert>}
      {save.isError && errors.length === 0 && <Alert kind="error">{generalMessage(t, save.error)}</Alert>}
    </>
  );
}

function CsvImport({ year }: { year: number }) {
  const { t } = useTranslation();
  const importer = useImportTargets();
  const [csv, setCsv] = useState('');
  const problems = importer.error instanceof ApiRequestError ? importer.error.fieldErrors() : [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    importer.mutate({ year, csv });
  };
  return (
    <form onSubmit={submit} aria-labelledby="import-title">
      <h2 id="import-title">{t('reporting.importTitle')}</h2>
      <p className="hint wrap-anywhere" id="csv-hint">
        {t('reporting.importHint')}
      </p>
      <div className="field">
        <label htmlFor="csv-file">{t('reporting.csvFile')}</label>
        <input id="csv-file" type="file" accept=".csv,text/csv" onChange={(e) => void e.target.files?.[0]?.text().then(setCsv)} aria-describedby="csv-hint" />
      </div>
      {problems.length > 0 && (
        <div className="alert alert-error" role="alert">
          <ul>
            {problems.map((p) => (
              <li key={p.field}>
                {p.field}: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {importer.data && <Alert kind="success">{t('reporting.imported', { count: importer.data.imported })}</Alert>}
      <button type="submit" className="button" disabled={!csv || importer.isPending}>
        {t('reporting.import')}
      </button>
    </form>
  );
}

/** National administrators: rebuild the roll-ups from the raw rows and see what differed. */
function Recount() {
  const { t } = useTranslation();
  const start = useStartRecount();
  const status = useQuery({
    ...recountQuery(start.data?.id ?? ''),
    enabled: !!start.data,
  });
  const r = status.data ?? start.data;
  return (
    <section aria-labelledby="recount-title">
      <h2 id="recount-title">{t('reporting.recount')}</h2>
      <p>{t('reporting.recountExplain')}</p>
      <button
        type="button"
        className="button"
        onClick={() => start.mutate()}
        disabled={start.isPending || (r !== undefined && r.status !== 'done' && r.status !== 'failed')}
      >
        {t('reporting.startRecount')}
      </button>
      {r && (
        <div role="status">
          <progress max={100} value={r.progress} aria-label={t('reporting.recount')} />
          {r.status === 'done' && <p>{t('reporting.recountDone', { count: r.differenceCount ?? 0 })}</p>}
          {r.status === 'failed' && <p>{t('reporting.recountFailed')}</p>}
        </div>
      )}
    </section>
  );
}
