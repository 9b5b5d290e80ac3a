import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProgressSummary } from '../../components/progress-summary/progress-summary';
import { TextField } from '../../components/ui/fields';
import { Alert } from '../../components/ui/feedback';
import { generalMessage } from '../../lib/form-errors';
import { type Household, useCancelInvitation, useInvite, useLeaveHousehold, useRemoveMember, useRenewCode } from './api';

/** The household: whether it is digital yet, each member who accepted with their progress, and the owner's tools. */
export function HouseholdView({ household: h }: { household: Household }) {
  const { t } = useTranslation();
  const leave = useLeaveHousehold();
  const remove = useRemoveMember(h.id);
  const renew = useRenewCode(h.id);
  const { digital } = h;
  return (
    <>
      <h2>{h.name}</h2>
      <div className={digital.isDigital ? 'alert alert-success' : 'alert alert-info'} role="status">
        <p>
          <strong>{digital.isDigital ? t('households.isDigital') : t('households.notYetDigital')}</strong>
        </p>
        <p>
          {t('households.ruleStatus', { holders: digital.holders, adults: digital.adults })}{' '}
          {digital.rule.requiredPercent === 100
            ? t('households.ruleAll', { age: digital.rule.adultAge })
            : t('households.ruleShare', { percent: digital.rule.requiredPercent, age: digital.rule.adultAge })}
        </p>
      </div>
      <h3>{t('households.members')}</h3>
      {(remove.isError || leave.isError) && <Alert kind="error">{generalMessage(t, remove.error ?? leave.error)}</Alert>}
      <ul className="resident-list">
        {h.members.map((m) => (
          <li key={m.userId}>
            <strong>{m.fullName}</strong> · {m.adult ? t('households.adult') : t('households.child')}
            {m.isOwner && <> · {t('households.owner')}</>}
            <ProgressSummary summary={m} />
            {h.isOwner && !m.isOwner && (
              <div className="actions">
                <button type="button" className="button danger" disabled={remove.isPending} onClick={() => remove.mutate(m.userId)}>
                  {t('households.remove', { name: m.fullName })}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <h3>{t('households.inviteTitle')}</h3>
      <div className="join-card">
        <p>{t('households.codeIs')}</p>
        <p className="record-code" data-testid="household-code">{h.inviteCode}</p>
        <p className="hint wrap-anywhere">
          {t('households.shareLink')} <span>{h.inviteUrl}</span>
        </p>
        {h.isOwner && (
          <button type="button" className="button" onClick={() => renew.mutate(undefined)} disabled={renew.isPending}>
            {t('households.renewCode')}
          </button>
        )}
      </div>
      {h.isOwner && <InviteForm household={h} />}
      <div className="actions">
        <button type="button" className="button danger" onClick={() => leave.mutate(undefined)} disabled={leave.isPending}>
          {t('households.leave')}
        </button>
      </div>
      <p className="hint">{h.isOwner ? t('households.leaveOwnerNote') : t('households.leaveNote')}</p>
    </>
  );
}

/** The owner invites a phone number or email; the answer is the same whether or not it has an account. */
function InviteForm({ household: h }: { household: Household }) {
  const { t } = useTranslation();
  const invite = useInvite(h.id);
  const cancel = useCancelInvitation(h.id);
  const [login, setLogin] = useState('');
  const [error, setError] = useState('');
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
    <>
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('households.inviteLogin')} name="invite-login" hint={t('households.inviteHint')} autoComplete="off" value={login} error={error}
          onChange={(e) => setLogin(e.target.value)}
        />
        <button type="submit" className="button" disabled={invite.isPending}>{t('households.invite')}</button>
      </form>
      {invite.isSuccess && <Alert kind="success">{t('households.invited', { login: invite.data.loginHint })}</Alert>}
      {h.pendingInvitations.length > 0 && (
        <>
          <h3>{t('households.pending')}</h3>
          <ul className="resident-list">
            {h.pendingInvitations.map((i) => (
              <li key={i.id}>
                {t('households.pendingTo', { login: i.loginHint })}
                <div className="actions">
                  <button type="button" className="button" onClick={() => cancel.mutate(i.id)} disabled={cancel.isPending}>
                    {t('households.cancelInvitation', { login: i.loginHint })}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
