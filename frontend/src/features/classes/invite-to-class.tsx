import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/ui/fields';
import { Alert } from '../../components/ui/feedback';
import { api, unwrap } from '../../lib/api-client';
import { generalMessage } from '../../lib/form-errors';

/** The teacher invites a learner by phone or email: an account holder is notified with the code (once per class). */
export function InviteToClass({ classId }: { classId: string }) {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [error, setError] = useState('');
  const invite = useMutation({
    mutationFn: async (value: string) => unwrap(await api.POST('/api/classes/{id}/invitations', { params: { path: { id: classId } }, body: { login: value } })),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!login.trim()) {
      setError(t('errors.fields.login'));
      return;
    }
    setError('');
    invite.mutate(login.trim(), { onSuccess: () => setLogin(''), onError: (err) => setError(generalMessage(t, err)) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <TextField label={t('classes.inviteLogin')} name="class-invite-login" hint={t('classes.inviteHint')} autoComplete="off" value={login} error={error} onChange={(e) => setLogin(e.target.value)} />
      {invite.isSuccess && <Alert kind="success">{t('classes.invited', { login: invite.data.loginHint })}</Alert>}
      <button type="submit" className="button" disabled={invite.isPending}>{t('classes.invite')}</button>
    </form>
  );
}
