import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod/mini';
import { TextField } from '../../components/ui/fields';
import { Alert } from '../../components/ui/feedback';
import { applyApiError } from '../../lib/use-form-errors';
import { useIdentityPasswordReset } from './api';

const schema = z.object({ newPassword: z.string().check(z.minLength(8, 'newPassword'), z.maxLength(128, 'newPassword')) });
type Values = z.infer<typeof schema>;

/** After the identity provider has just confirmed who the person is: a new password, no code needed. */
export function IdentityPasswordForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const reset = useIdentityPasswordReset();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { newPassword: '' } });
  const error = form.formState.errors.newPassword?.message ? t('errors.fields.newPassword') : undefined;
  const onSubmit = form.handleSubmit(async (v) => {
    setGeneral(null);
    try {
      await reset.mutateAsync(v);
      onDone();
    } catch (err) {
      setGeneral(applyApiError(err, form.setError, t, ['newPassword']));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      {general && <Alert kind="error">{general}</Alert>}
      <TextField label={t('fields.newPassword')} hint={t('fields.passwordHint')} type="password" autoComplete="new-password" required error={error} {...form.register('newPassword')} />
      <button type="submit" className="button primary" disabled={form.formState.isSubmitting}>
        {t('reset.submit')}
      </button>
    </form>
  );
}
