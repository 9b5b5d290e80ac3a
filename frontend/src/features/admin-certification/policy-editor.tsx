import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, ErrorSummary, Spinner } from '../../components/ui/feedback';
import { Checkbox, SelectField, TextField } from '../../components/ui/fields';
import { ApiRequestError, type Me } from '../../lib/api-client';
import { generalMessage } from '../../lib/form-errors';
import { formatDate } from '../../lib/i18n';
import { coursesQuery } from '../catalogue/api';
import { type Policy, type PolicySettings, policiesQuery, type TargetGroup, useSavePolicy } from './api';

const GROUPS: TargetGroup[] = ['citizen', 'public_servant', 'student', 'worker'];

/** The shipped defaults for a group without a policy yet (it then confirms nothing until one is saved). */
const DEFAULTS: PolicySettings = {
  requiredCourses: [], minOverallScore: 50, minDomainScore: 40, requireProfileLevels: false,
  questionsPerCompetency: 2, selfRatingWeight: 30, maxAttempts: null, cooldownHours: 0, timeLimitMinutes: null,
};

type NumberField = 'minOverallScore' | 'minDomainScore' | 'questionsPerCompetency' | 'selfRatingWeight' | 'maxAttempts' | 'cooldownHours' | 'timeLimitMinutes';
/** Each number's range; `optional` ones may be left empty (no limit). */
const RANGES: Record<NumberField, { min: number; max: number; optional?: boolean }> = {
  minOverallScore: { min: 0, max: 100 },
  minDomainScore: { min: 0, max: 100 },
  questionsPerCompetency: { min: 0, max: 10 },
  selfRatingWeight: { min: 0, max: 100 },
  maxAttempts: { min: 1, max: 1000, optional: true },
  cooldownHours: { min: 0, max: 8760 },
  timeLimitMinutes: { min: 1, max: 600, optional: true },
};
const ORDER: NumberField[] = ['minOverallScore', 'minDomainScore', 'questionsPerCompetency', 'selfRatingWeight', 'maxAttempts', 'cooldownHours', 'timeLimitMinutes'];

/** The confirmation policy per target group of the framework in force; national administrators edit, others read. */
export function PolicyEditor({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [group, setGroup] = useState<TargetGroup>('citizen');
  // Kept here: saving refreshes the policy, which renews the form below.
  const [savedGroup, setSavedGroup] = useState<TargetGroup | null>(null);
  const policies = useQuery(policiesQuery());
  if (policies.isPending) return <Spinner />;
  if (policies.isError) return <Alert kind="error">{generalMessage(t, policies.error)}</Alert>;
  const current = policies.data.find((p) => p.targetGroup === group) ?? null;
  const canEdit = me.scope?.level === 'nation';
  return (
    <>
      {!canEdit && <Alert kind="info">{t('policies.readOnly')}</Alert>}
      <SelectField
        label={t('policies.group')}
        name="group"
        value={group}
        onChange={(e) => {
          setSavedGroup(null);
          setGroup(e.target.value as TargetGroup);
        }}
      >
        {GROUPS.map((g) => (
          <option key={g} value={g}>
            {t(`targetGroups.${g}`)}
          </option>
        ))}
      </SelectField>
      {savedGroup === group && <Alert kind="success">{t('policies.saved', { group: t(`targetGroups.${group}`) })}</Alert>}
      <PolicyForm key={`${group}-${current?.updatedAt ?? 'none'}`} group={group} current={current} canEdit={canEdit} onSaved={() => setSavedGroup(group)} onEdit={() => setSavedGroup(null)} />
    </>
  );
}

function PolicyForm({ group, current, canEdit, onSaved, onEdit }: { group: TargetGroup; current: Policy | null; canEdit: boolean; onSaved: () => void; onEdit: () => void }) {
  const { t, i18n } = useTranslation();
  const start = current ?? DEFAULTS;
  const [courses, setCourses] = useState<string[]>(start.requiredCourses);
  const [requireLevels, setRequireLevels] = useState(start.requireProfileLevels);
  const [numbers, setNumbers] = useState<Record<NumberField, string>>(
    () => Object.fromEntries(ORDER.map((k) => [k, start[k] === null ? '' : String(start[k])])) as Record<NumberField, string>,
  );
  const [errors, setErrors] = useState<{ field: string; message: string }[]>([]);
  const catalogue = useQuery(coursesQuery({}));
  const save = useSavePolicy();
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;

  const rangeMessage = (k: NumberField) => {
    const r = RANGES[k];
    return t(r.optional ? 'policies.rangeOptional' : 'policies.range', { min: r.min, max: r.max });
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    onEdit();
    const found: { field: string; message: string }[] = [];
    const values = {} as Record<NumberField, number | null>;
    for (const k of ORDER) {
      const raw = numbers[k].trim();
      const r = RANGES[k];
      if (raw === '' && r.optional) {
        values[k] = null;
        continue;
      }
      const n = Number(raw);
      if (raw === '' || !Number.isInteger(n) || n < r.min || n > r.max) found.push({ field: k, message: `${t(`policies.fields.${k}`)}: ${rangeMessage(k)}` });
      else values[k] = n;
    }
    setErrors(found);
    if (found.length > 0) return;
    const settings = { ...values, requiredCourses: courses, requireProfileLevels: requireLevels } as PolicySettings;
    save.mutate(
      { group, settings },
      {
        onSuccess: onSaved,
        onError: (err) => {
          if (err instanceof ApiRequestError) {
            const fields = err.fieldErrors().filter((f) => (ORDER as string[]).includes(f.field) || f.field.startsWith('requiredCourses'));
            setErrors(fields.map((f) => (f.field.startsWith('requiredCourses') ? { field: 'requiredCourses', message: t('policies.coursesInvalid') } : { field: f.field, message: `${t(`policies.fields.${f.field}`)}: ${rangeMessage(f.field as NumberField)}` })));
          }
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <p className="meta">{current ? t('policies.updatedAt', { date: formatDate(current.updatedAt, i18n.language) }) : t('policies.none')}</p>
      <ErrorSummary errors={errors} />
      {save.isError && errors.length === 0 && <Alert kind="error">{generalMessage(t, save.error)}</Alert>}
      <fieldset disabled={!canEdit} className="plain-fieldset">
        <legend className="visually-hidden">{t('policies.legend', { group: t(`targetGroups.${group}`) })}</legend>
        <h2>{t('policies.conditions')}</h2>
        {(['minOverallScore', 'minDomainScore'] as const).map((k) => (
          <NumberInput key={k} k={k} value={numbers[k]} error={errorOf(k)} hint={rangeMessage(k)} onChange={(v) => setNumbers((n) => ({ ...n, [k]: v }))} />
        ))}
        <Checkbox label={t('policies.fields.requireProfileLevels')} name="requireProfileLevels" checked={requireLevels} onChange={(e) => setRequireLevels(e.target.checked)} />
        <fieldset className={`field${errorOf('requiredCourses') ? ' has-error' : ''}`} id="requiredCourses" tabIndex={-1}>
          <legend>{t('policies.fields.requiredCourses')}</legend>
          {errorOf('requiredCourses') && <p className="field-error">{errorOf('requiredCourses')}</p>}
          {catalogue.isPending ? (
            <Spinner />
          ) : (
            (catalogue.data ?? []).map((c) => (
              <label key={c.slug} className="choice">
                <input
                  type="checkbox"
                  checked={courses.includes(c.slug)}
                  onChange={(e) => setCourses((old) => (e.target.checked ? [...old, c.slug] : old.filter((s) => s !== c.slug)))}
                />
                <span>{c.title}</span>
              </label>
            ))
          )}
        </fieldset>
        <h2>{t('policies.assessment')}</h2>
        {(['questionsPerCompetency', 'selfRatingWeight', 'maxAttempts', 'cooldownHours', 'timeLimitMinutes'] as const).map((k) => (
          <NumberInput key={k} k={k} value={numbers[k]} error={errorOf(k)} hint={rangeMessage(k)} onChange={(v) => setNumbers((n) => ({ ...n, [k]: v }))} />
        ))}
        {canEdit && (
          <p className="actions">
            <button type="submit" className="button primary" disabled={save.isPending}>
              {t('policies.save')}
            </button>
          </p>
        )}
      </fieldset>
    </form>
  );
}

function NumberInput({ k, value, error, hint, onChange }: { k: NumberField; value: string; error?: string; hint: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t(`policies.fields.${k}`)}
      name={k}
      inputMode="numeric"
      autoComplete="off"
      hint={hint}
      error={error}
      required={!RANGES[k].optional}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
