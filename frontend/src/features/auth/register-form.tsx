import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Checkbox, RadioGroup, SelectField, TextField } from '../../components/ui/fields';
import { Alert, ErrorSummary } from '../../components/ui/feedback';
import { UnitPicker } from '../../components/unit-picker/unit-picker';
import { lazyResolver } from '../../lib/lazy-resolver';
import { applyApiError, summaryOf } from '../../lib/use-form-errors';
import { type IdentityPending, useIdentityRegister } from '../identity/api';
import { consentQuery, useRegister } from './api';
import { KINDS, TARGET_GROUPS } from './register-choices';
import type { RegisterValues } from './schemas';

const ORDER = ['phone', 'email', 'password', 'fullName', 'birthYear', 'targetGroup', 'provinceId', 'unitId', 'organisationName', 'organisationKind', 'consent'] as const;
type Values = RegisterValues;
const checks = () => import('./schemas');
const plainResolver = lazyResolver<Values>(() => checks().then((m) => m.registerResolver()));

/** The registration form; with `identity`, the one that finishes a sign-up through an identity provider. */
export function RegisterForm({ onDone, identity }: { onDone: () => void; identity?: IdentityPending }) {
  const { t } = useTranslation();
  const consent = useQuery(consentQuery());
  const register = useRegister();
  const registerVerified = useIdentityRegister();
  const [general, setGeneral] = useState<string | null>(null);
  const resolver = useMemo(() => (identity ? lazyResolver<Values>(() => checks().then((m) => m.registerResolver(identity))) : plainResolver), [identity]);
  const form = useForm<Values>({
    resolver,
    // The error summary takes focus and links to each field.
    shouldFocusError: false,
    defaultValues: { phone: '', email: '', password: '', fullName: '', birthYear: '', provinceId: '', unitId: '', organisationName: '', organisationKind: '', consent: false as unknown as true },
  });
  const { errors, isSubmitting } = form.formState;
  const msg = (field: keyof Values) => (errors[field]?.message ? t(`errors.fields.${field}`) : undefined);
  const summary = summaryOf(errors, ORDER).map((e) => ({ ...e, message: t(`errors.fields.${e.field}`) }));

  const onSubmit = form.handleSubmit(async (v) => {
    setGeneral(null);
    try {
      const choices = {
        targetGroup: v.targetGroup,
        unitId: v.unitId,
        organisationName: v.organisationName || undefined,
        organisationKind: (v.organisationKind || undefined) as (typeof KINDS)[number] | undefined,
        consent: true as const,
        consentVersion: consent.data?.version ?? '',
      };
      if (identity) {
        await registerVerified.mutateAsync({
          ...choices,
          fullName: identity.fullName ? undefined : v.fullName,
          birthYear: identity.birthYear ? undefined : Number(v.birthYear),
        });
        onDone();
        return;
      }
      await register.mutateAsync({
        phone: v.phone || undefined,
        email: v.email || undefined,
        password: v.password,
        fullName: v.fullName,
        birthYear: Number(v.birthYear),
        ...choices,
      });
      onDone();
    } catch (err) {
      setGeneral(applyApiError(err, form.setError, t, ORDER));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      {form.formState.isSubmitted && <ErrorSummary errors={summary} />}
      {general && <Alert kind="error">{general}</Alert>}
      {identity ? (
        <dl className="identity-given">
          <dt>{t('identity.givenBy', { provider: identity.providerLabel })}</dt>
          {identity.fullName && <dd>{t('fields.fullName')}: {identity.fullName}</dd>}
          {identity.birthYear && <dd>{t('fields.birthYear')}: {identity.birthYear}</dd>}
          {identity.phone && <dd>{t('fields.phone')}: {identity.phone}</dd>}
        </dl>
      ) : (
        <>
          <p className="hint">{t('fields.contactHint')}</p>
          <TextField label={t('fields.phone')} hint={t('fields.phoneHint')} type="tel" inputMode="tel" autoComplete="tel" error={msg('phone')} {...form.register('phone')} />
          <TextField label={t('fields.email')} type="email" autoComplete="email" error={msg('email')} {...form.register('email')} />
          <TextField label={t('fields.password')} hint={t('fields.passwordHint')} type="password" autoComplete="new-password" required error={msg('password')} {...form.register('password')} />
        </>
      )}
      {!identity?.fullName && <TextField label={t('fields.fullName')} autoComplete="name" required error={msg('fullName')} {...form.register('fullName')} />}
      {!identity?.birthYear && <TextField label={t('fields.birthYear')} inputMode="numeric" autoComplete="bday-year" maxLength={4} required error={msg('birthYear')} {...form.register('birthYear')} />}
      <RadioGroup
        legend={t('fields.targetGroup')}
        name="targetGroup"
        required
        error={msg('targetGroup')}
        options={TARGET_GROUPS.map((g) => ({ value: g, label: t(`targetGroups.${g}`) }))}
        inputProps={() => form.register('targetGroup')}
      />
      <Controller
        control={form.control}
        name="unitId"
        render={({ field }) => (
          <UnitPicker
            required
            provinceId={form.watch('provinceId')}
            unitId={field.value}
            onProvince={(id) => {
              form.setValue('provinceId', id, { shouldValidate: form.formState.isSubmitted });
              field.onChange('');
            }}
            onUnit={field.onChange}
            errors={{ provinceId: msg('provinceId'), unitId: msg('unitId') }}
          />
        )}
      />
      <TextField label={t('fields.organisationName')} autoComplete="organization" error={msg('organisationName')} {...form.register('organisationName')} />
      <SelectField label={t('fields.organisationKind')} error={msg('organisationKind')} {...form.register('organisationKind')}>
        <option value="">{t('fields.chooseKind')}</option>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`organisationKinds.${k}`)}
          </option>
        ))}
      </SelectField>
      <section className="consent" aria-labelledby="consent-title">
        <h2 id="consent-title">{t('fields.consentTitle')}</h2>
        <div className="consent-text">
          {consent.data?.text.split('\n\n').map((p) => (
            <p key={p.slice(0, 24)}>{p}</p>
          ))}
        </div>
        <Checkbox label={t('fields.consent')} error={msg('consent')} {...form.register('consent')} />
      </section>
      <button type="submit" className="button primary" disabled={isSubmitting}>
        {isSubmitting ? t('register.submitting') : t('register.submit')}
      </button>
    </form>
  );
}
