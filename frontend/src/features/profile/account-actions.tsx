import '../../lib/i18n-together';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox, TextField } from '../../components/ui/fields';
import { Alert } from '../../components/ui/feedback';
import { applyApiError } from '../../lib/use-form-errors';
import { useForm } from 'react-hook-form';
import { exportQuery, useChangePassword, useDeleteAccount, useStartExport } from './api';

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<{ currentPassword: string; newPassword: string }>({ defaultValues: { currentPassword: '', newPassword: '' } });
  const onSubmit = form.handleSubmit(async (v) => {
    setGeneral(null);
    try {
      await change.mutateAsync(v);
      form.reset();
    } catch (err) {
      setGeneral(applyApiError(err, form.setError, t, ['currentPassword', 'newPassword']));
    }
  });
  const msg = (f: 'currentPassword' | 'newPassword') => form.formState.errors[f]?.message;
  return (
    <form onSubmit={onSubmit} noValidate>
      <p className="hint">{t('profile.passwordNote')}</p>
      {general && <Alert kind="error">{general}</Alert>}
      {change.isSuccess && <Alert kind="success">{t('profile.passwordChanged')}</Alert>}
      <TextField label={t('fields.currentPassword')} type="password" autoComplete="current-password" required error={msg('currentPassword')} {...form.register('currentPassword')} />
      <TextField label={t('fields.newPassword')} hint={t('fields.passwordHint')} type="password" autoComplete="new-password" required error={msg('newPassword')} {...form.register('newPassword')} />
      <button type="submit" className="button">{t('profile.changePassword')}</button>
    </form>
  );
}

/** "Download my data": starts the export job and shows its progress until the file is ready. */
export function DataExportPanel() {
  const { t } = useTranslation();
  const start = useStartExport();
  const id = start.data?.id ?? '';
  const status = useQuery({ ...exportQuery(id), enabled: id !== '' });
  const current = status.data ?? start.data;
  return (
    <div>
      <p className="hint">{t('profile.exportNote')}</p>
      <button type="button" className="button" onClick={() => start.mutate()} disabled={start.isPending || (current !== undefined && current.status !== 'done' && current.status !== 'failed')}>
        {t('profile.exportStart')}
      </button>
      {current && current.status !== 'done' && current.status !== 'failed' && (
        <div className="progress">
          <progress max={100} value={current.progress} aria-label={t('profile.exportProgressLabel')} />
          <p aria-live="polite">{t('profile.exportProgress', { progress: current.progress })}</p>
        </div>
      )}
      {current?.status === 'done' && (
        <Alert kind="success">
          {t('profile.exportReady')}{' '}
          <a href={`/api/me/exports/${current.id}/download`} download>
            {t('profile.exportDownload')}
          </a>
        </Alert>
      )}
      {(current?.status === 'failed' || start.isError) && <Alert kind="error">{t('profile.exportFailed')}</Alert>}
    </div>
  );
}

/** Deleting the account: confirmed with the password, or, for an account without one (a sign-in card), with a tick. */
export function DeleteAccountPanel({ onDeleted, hasPassword }: { onDeleted: () => void; hasPassword: boolean }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteAccount();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<{ password: string; confirm: boolean }>({ defaultValues: { password: '', confirm: false } });
  const onSubmit = form.handleSubmit(async (v) => {
    setGeneral(null);
    if (!hasPassword && !v.confirm) {
      form.setError('confirm', { message: t('profile.deleteConfirmRequired') });
      return;
    }
    try {
      await remove.mutateAsync(hasPassword ? { password: v.password } : { confirm: true });
      onDeleted();
    } catch (err) {
      setGeneral(applyApiError(err, form.setError, t, ['password', 'confirm']));
    }
  });
  return (
    <div>
      <p>{t('profile.deleteNote')}</p>
      {!confirming ? (
        <button type="button" className="button danger" onClick={() => setConfirming(true)}>
          {t('profile.deleteStart')}
        </button>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          {general && <Alert kind="error">{general}</Alert>}
          {hasPassword ? (
            <TextField label={t('profile.deleteConfirm')} type="password" autoComplete="current-password" required error={form.formState.errors.password?.message} {...form.register('password')} />
          ) : (
            <Checkbox label={t('profile.deleteConfirmNoPassword')} error={form.formState.errors.confirm?.message} {...form.register('confirm')} />
          )}
          <div className="actions">
            <button type="submit" className="button danger">{t('profile.deleteSubmit')}</button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('profile.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
