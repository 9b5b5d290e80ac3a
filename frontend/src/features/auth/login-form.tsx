import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod/mini';
import { TextField } from '../../components/ui/fields';
import { Alert, ErrorSummary } from '../../components/ui/feedback';
import { applyApiError, summaryOf } from '../../lib/use-form-errors';
import { useLogin } from './api';

// zod/mini (a fraction of full zod's size): the sign-in page must stay light on a cheap phone.
const schema = z.object({ login: z.string().check(z.trim(), z.minLength(3, 'login')), password: z.string().check(z.minLength(1, 'password')) });
type Values = z.infer<typeof schema>;
const ORDER = ['login', 'password'] as const;

export function LoginForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(schema), shouldFocusError: false, defaultValues: { login: '', password: '' } });
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
