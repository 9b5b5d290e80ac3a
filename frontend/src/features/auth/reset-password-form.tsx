import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod/mini';
import { TextField } from '../../components/ui/fields';
import { Alert } from '../../components/ui/feedback';
import { applyApiError } from '../../lib/use-form-errors';
import { useEmailReset, useResetPassword } from './api';

const schema = z.object({
  login: z.string().check(z.trim(), z.minLength(3, 'login')),
  code: z.string().check(z.trim(), z.regex(/^\d{8}$/, 'code')),
  newPassword: z.string().check(z.minLength(8, 'newPassword')),
});
type Values = z.infer<typeof schema>;

/** The code comes from the commune administrator (or by email); with it, a new password. */
export function ResetPasswordForm() {
  const { t } = useTranslation();
  const reset = useResetPassword();
  const email = useEmailReset();
  const [general, setGeneral] = useState<string | null>(null);
  const [emailAddress, setEmailAddress] = useState('');
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { login: '', code: '', newPassword: '' } });
  const msg = (f: keyof Values) => (form.formState.errors[f]?.message ? t(`errors.fields.${f}`) : undefined);

  const onSubmit = form.handleSubmit(async (v) => {
    setGeneral(null);
    try {
      await reset.mutateAsync(v);
    } catch (err) {
      setGeneral(applyApiError(err, form.setError, t, ['login', 'code', 'newPassword']));
    }
  });

  if (reset.isSuccess) return <Alert kind="success">{t('reset.done')}</Alert>;
  return (
    <>
      <p>{t('reset.howTo')}</p>
      <form onSubmit={onSubmit} noValidate>
        {general && <Alert kind="error">{general}</Alert>}
        <TextField label={t('fields.login')} autoComplete="username" required error={msg('login')} {...form.register('login')} />
        <TextField label={t('fields.code')} inputMode="numeric" autoComplete="one-time-code" maxLength={8} required error={msg('code')} {...form.register('code')} />
        <TextField label={t('fields.newPassword')} hint={t('fields.passwordHint')} type="password" autoComplete="new-password" required error={msg('newPassword')} {...form.register('newPassword')} />
        <button type="submit" className="button primary" disabled={form.formState.isSubmitting}>
          {t('reset.submit')}
        </button>
      </form>
      <section aria-labelledby="email-reset">
        <h2 id="email-reset">{t('reset.emailTitle')}</h2>
        <p>{t('reset.emailHowTo')}</p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            email.mutate({ email: emailAddress });
          }}
        >
          <TextField label={t('fields.email')} name="resetEmail" type="email" autoComplete="email" value={emailAddress} onChange={(e) => setEmailAddress(e.target.value)} />
          <button type="submit" className="button">{t('reset.sendEmail')}</button>
        </form>
        {email.isSuccess && <Alert kind="info">{t('reset.emailSent')}</Alert>}
      </section>
    </>
  );
}
