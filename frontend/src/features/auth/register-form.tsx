import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod/mini';
import { Checkbox, RadioGroup, SelectField, TextField } from '../../components/ui/fields';
import { Alert, ErrorSummary } from '../../components/ui/feedback';
import { UnitPicker } from '../../components/unit-picker/unit-picker';
import { applyApiError, summaryOf } from '../../lib/use-form-errors';
import { type IdentityPending, useIdentityRegister } from '../identity/api';
import { consentQuery, useRegister } from './api';

const TARGET_GROUPS = ['citizen', 'public_servant', 'student', 'worker'] as const;
const KINDS = ['agency', 'school', 'enterprise', 'cooperative', 'other'] as const;
const ORDER = ['phone', 'email', 'password', 'fullName', 'birthYear', 'targetGroup', 'provinceId', 'unitId', 'organisationName', 'organisationKind', 'consent'] as const;
const PHONE = /^(?:\+?84|0)[35789]\d{8}$/;
const thisYear = new Date().getFullYear();

/** Client checks mirror the server's so most mistakes are caught before sending; the server decides. */
const fields = {
    phone: z.string().check(z.trim(), z.refine((v) => v === '' || PHONE.test(v.replace(/[\s.\-()]/g, '')), 'phone')),
    email: z.string().check(z.trim(), z.refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(v), 'email')),
    password: z.string().check(z.minLength(8, 'password'), z.maxLength(128, 'password')),
    fullName: z.string().check(z.trim(), z.minLength(2, 'fullName'), z.maxLength(120, 'fullName')),
    birthYear: z.string().check(z.regex(/^\d{4}$/, 'birthYear'), z.refine((v) => Number(v) >= 1900 && Number(v) <= thisYear, 'birthYear')),
    targetGroup: z.enum(TARGET_GROUPS, { message: 'targetGroup' }),
    provinceId: z.string().check(z.minLength(1, 'provinceId')),
    unitId: z.string().check(z.minLength(1, 'unitId')),
    organisationName: z.string().check(z.trim(), z.maxLength(200, 'organisationName')),
    organisationKind: z.string(),
    consent: z.literal(true, { message: 'consent' }),
};
const organisationComplete = z.refine<{ organisationName: string; organisationKind: string }>((v) => (v.organisationName === '') === (v.organisationKind === ''), { path: ['organisationKind'], message: 'organisationKind' });
const schema = z.object(fields).check(
  z.refine((v) => v.phone !== '' || v.email !== '', { path: ['phone'], message: 'phone' }),
  organisationComplete,
);
/** Through an identity provider: no login or password to choose, and the name and birth year come from it when it gives them. */
const identitySchema = (given: IdentityPending) =>
  z.object({
    ...fields, phone: z.string(), email: z.string(), password: z.string(),
    fullName: given.fullName ? z.string() : fields.fullName,
    birthYear: given.birthYear ? z.string() : fields.birthYear,
  }).check(organisationComplete);

type Values = z.input<typeof schema>;

/** The registration form; with `identity`, the one that finishes a sign-up through an identity provider. */
export function RegisterForm({ onDone, identity }: { onDone: () => void; identity?: IdentityPending }) {
  const { t } = useTranslation();
  const consent = useQuery(consentQuery());
  const register = useRegister();
  const registerVerified = useIdentityRegister();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(identity ? identitySchema(identity) : schema),
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
