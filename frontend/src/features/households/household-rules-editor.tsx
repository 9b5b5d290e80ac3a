import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/ui/fields';
import { Alert, Spinner } from '../../components/ui/feedback';
import { applyApiError } from '../../lib/use-form-errors';
import { generalMessage } from '../../lib/form-errors';
import { householdRuleQuery, householdRulesQuery, useSetHouseholdRule } from './api';

const thisYear = () => new Date(Date.now() + 7 * 3600_000).getUTCFullYear();

/** The digital-household rule of a year: every administrator reads it, national administrators change it. */
export function HouseholdRulesEditor({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(thisYear());
  const rule = useQuery(householdRuleQuery(year));
  const history = useQuery(householdRulesQuery());
  const save = useSetHouseholdRule();
  const [adultAge, setAdultAge] = useState('');
  const [percent, setPercent] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (rule.data) {
      setAdultAge(String(rule.data.adultAge));
      setPercent(String(rule.data.requiredPercent));
    }
  }, [rule.data]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    save.mutate(
      { year, adultAge: Number(adultAge), requiredPercent: Number(percent) },
      {
        onError: (err) => {
          const found: Record<string, string> = {};
          const general = applyApiError(err, (field, { message }) => void (found[field] = message ?? ''), t, ['adultAge', 'requiredPercent']);
          setErrors({ ...found, ...(general ? { general } : {}) });
        },
      },
    );
  };
  return (
    <>
      <TextField label={t('householdRules.year')} name="rule-year" inputMode="numeric" value={String(year)} onChange={(e) => setYear(Number(e.target.value) || thisYear())} />
      {rule.isPending && <Spinner />}
      {rule.isError && <Alert kind="error">{generalMessage(t, rule.error)}</Alert>}
      {rule.data && (
        <p>
          {rule.data.requiredPercent === 100
            ? t('households.ruleAll', { age: rule.data.adultAge })
            : t('households.ruleShare', { percent: rule.data.requiredPercent, age: rule.data.adultAge })}{' '}
          {rule.data.setForYear === null ? t('householdRules.default') : t('householdRules.setIn', { year: rule.data.setForYear })}
        </p>
      )}
      {canEdit && rule.data && (
        <form onSubmit={submit} noValidate>
          {errors.general && <Alert kind="error">{errors.general}</Alert>}
          <TextField label={t('householdRules.adultAge')} hint={t('householdRules.adultAgeHint')} name="adultAge" inputMode="numeric" value={adultAge} error={errors.adultAge} onChange={(e) => setAdultAge(e.target.value)} />
          <TextField label={t('householdRules.percent')} hint={t('householdRules.percentHint')} name="requiredPercent" inputMode="numeric" value={percent} error={errors.requiredPercent} onChange={(e) => setPercent(e.target.value)} />
          {save.isSuccess && <Alert kind="success">{t('householdRules.saved', { year })}</Alert>}
          <button type="submit" className="button primary" disabled={save.isPending}>{t('householdRules.save', { year })}</button>
        </form>
      )}
      {history.data && history.data.length > 0 && (
        <>
          <h2>{t('householdRules.history')}</h2>
          <ul>
            {history.data.map((r) => (
              <li key={r.year}>
                {r.year}: {r.requiredPercent === 100 ? t('households.ruleAll', { age: r.adultAge }) : t('households.ruleShare', { percent: r.requiredPercent, age: r.adultAge })}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
