import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Checkbox, RadioGroup, TextField } from '../../components/ui/fields';
import { Alert } from '../../components/ui/feedback';
import { applyApiError } from '../../lib/use-form-errors';
import { consentQuery } from '../auth/api';
import { type SignInCard, useRegisterResident } from './api';
import { SignInCardView } from './sign-in-card';

const METHODS = ['on_screen', 'spoken', 'paper'] as const;
const ORDER = ['fullName', 'birthYear', 'phone', 'consentMethod', 'consent'] as const;
type Values = { fullName: string; birthYear: string; phone: string; consentMethod: (typeof METHODS)[number]; consent: boolean };

/** A resident registered on the member's phone: the consent text is read with them, and how they agreed is recorded. */
export function RegisterResidentForm() {
  const { t } = useTranslation();
  const consent = useQuery(consentQuery());
  const register = useRegisterResident();
  const [general, setGeneral] = useState<string | null>(null);
  const [done, setDone] = useState<{ name: string; card: SignInCard } | null>(null);
  const form = useForm<Values>({ defaultValues: { fullName: '', birthYear: '', phone: '', consentMethod: 'spoken', consent: false } });
  const err = (f: keyof Values) => form.formState.errors[f]?.message;

  const onSubmit = form.handleSubmit(async (v) => {
    setGeneral(null);
    if (!v.consent) {
      form.setError('consent', { message: t('errors.fields.consent') });
      return;
    }
    try {
      const { resident, card } = await register.mutateAsync({
        fullName: v.fullName.trim(), birthYear: Number(v.birthYear), phone: v.phone.trim() || undefined, targetGroup: 'citizen',
        consent: true, consentVersion: consent.data?.version ?? '', consentMethod: v.consentMethod,
      });
      setDone({ name: resident.fullName ?? '', card });
      form.reset();
    } catch (e) {
      setGeneral(applyApiError(e, form.setError, t, ORDER));
    }
  });

  return (
    <>
      {done && (
        <>
          <Alert kind="success">{t('community.registered', { name: done.name })}</Alert>
          <SignInCardView card={done.card} name={done.name} />
        </>
      )}
      <form onSubmit={onSubmit} noValidate>
        {general && <Alert kind="error">{general}</Alert>}
        <TextField label={t('fields.fullName')} required error={err('fullName')} {...form.register('fullName')} />
        <TextField label={t('fields.birthYear')} inputMode="numeric" maxLength={4} required error={err('birthYear')} {...form.register('birthYear')} />
        <TextField label={t('community.residentPhone')} type="tel" inputMode="tel" error={err('phone')} {...form.register('phone')} />
        <details className="consent-text">
          <summary>{t('community.readConsent')}</summary>
          {consent.data?.text.split('\n\n').map((p) => (
            <p key={p.slice(0, 24)}>{p}</p>
          ))}
        </details>
        <RadioGroup
          legend={t('community.consentMethod')}
          name="consentMethod"
          required
          error={err('consentMethod')}
          options={METHODS.map((m) => ({ value: m, label: t(`community.consentMethods.${m}`) }))}
          inputProps={() => form.register('consentMethod')}
        />
        <Checkbox label={t('community.consentGiven')} error={err('consent')} {...form.register('consent')} />
        <button type="submit" className="button primary" disabled={form.formState.isSubmitting}>
          {t('community.register')}
        </button>
      </form>
    </>
  );
}
