import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/ui/fields';
import { Alert, ErrorSummary } from '../../components/ui/feedback';
import { lazyResolver } from '../../lib/lazy-resolver';
import { applyApiError, summaryOf } from '../../lib/use-form-errors';
import { useLogin } from './api';
import type { LoginValues } from './schemas';

// The checks (zod) load apart: the sign-in page must stay light on a cheap phone.
const resolver = lazyResolver(() => import('./schemas').then((m) => m.loginResolver));
type Values = LoginValues;
const ORDER = ['login', 'password'] as const;

export function LoginForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<Values>({ resolver, shouldFocusError: false, defaultValues: { login: '', password: '' } });
  const { errors, isSubmitting } = form.formState;
  const msg = (f: keyof Values) => (errors[f]?.message ? t(f === 'password' ? 'errors.required' : 'errors.fields.login') : undefined);

  const onSubmit = form.handleSubmit(async (v) => {
    setGeneral(null);
    try {
      await login.mutateAsync(v);
      onDone();
    } catch (err) {
      setGeneral(applyApiError(err, form.setError, t, ORDER));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      {form.formState.isSubmitted && <ErrorSummary errors={summaryOf(errors, ORDER).map((e) => ({ ...e, message: msg(e.field as keyof Values) ?? '' }))} />}
      {general && <Alert kind="error">{general}</Alert>}
      <TextField label={t('fields.login')} autoComplete="username" required error={msg('login')} {...form.register('login')} />
      <TextField label={t('fields.password')} type="password" autoComplete="current-password" required error={msg('password')} {...form.register('password')} />
      <button type="submit" className="button primary" disabled={isSubmitting}>
        {isSubmitting ? t('login.submitting') : t('login.submit')}
      </button>
    </form>
  );
}
