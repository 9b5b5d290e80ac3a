import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { Checkbox, TextField } from '../../components/ui/fields';
import { Alert } from '../../components/ui/feedback';
import { generalMessage } from '../../lib/form-errors';
import { householdInvitationQuery, type InvitationToMe, useAcceptInvitation, useCreateHousehold, useDeclineInvitation, useJoinHousehold } from './api';

const clean = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

/** The invitations waiting for the person: accepting is theirs alone, with consent to share their progress. */
export function InvitationsToMe({ invitations }: { invitations: InvitationToMe[] }) {
  const { t } = useTranslation();
  const accept = useAcceptInvitation();
  const decline = useDeclineInvitation();
  const [consent, setConsent] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<Record<string, string>>({});
  if (invitations.length === 0) return null;
  return (
    <section aria-labelledby="invitations-to-me">
      <h2 id="invitations-to-me">{t('households.invitationsToMe')}</h2>
      {(accept.isError || decline.isError) && <Alert kind="error">{generalMessage(t, accept.error ?? decline.error)}</Alert>}
      <ul className="resident-list">
        {invitations.map((i) => (
          <li key={i.id}>
            <p>{t('households.invitedBy', { name: i.inviterName, household: i.householdName })}</p>
            <Checkbox
              label={t('households.consent', { household: i.householdName })} name={`consent-${i.id}`} checked={consent[i.id] ?? false}
              error={error[i.id]} onChange={(e) => setConsent((c) => ({ ...c, [i.id]: e.target.checked }))}
            />
            <div className="actions">
              <button
                type="button" className="button primary" disabled={accept.isPending}
                onClick={() => {
                  if (!consent[i.id]) {
                    setError((x) => ({ ...x, [i.id]: t('households.consentRequired') }));
                    return;
                  }
                  accept.mutate(i.id);
                }}
              >
                {t('households.accept', { household: i.householdName })}
              </button>
              <button type="button" className="button" disabled={decline.isPending} onClick={() => decline.mutate(i.id)}>
                {t('households.decline', { household: i.householdName })}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Joining with a code (seeing whose household it is first), or forming a new household. */
export function HouseholdStart() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get('ma') ?? '');
  const [checked, setChecked] = useState(clean(code).length === 8 ? clean(code) : '');
  const [consent, setConsent] = useState(false);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<{ code?: string; consent?: string; name?: string }>({});
  const preview = useQuery({ ...householdInvitationQuery(checked), enabled: checked !== '' });
  const join = useJoinHousehold();
  const create = useCreateHousehold();
  const look = (e: FormEvent) => {
    e.preventDefault();
    if (clean(code).length !== 8) return setErrors({ code: t('households.codeInvalid') });
    setErrors({});
    setChecked(clean(code));
  };
  const agree = (e: FormEvent) => {
    e.preventDefault();
    if (!consent) return setErrors({ consent: t('households.consentRequired') });
    setErrors({});
    join.mutate(checked);
  };
  const form = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim().length < 2) return setErrors({ name: t('households.nameInvalid') });
    setErrors({});
    create.mutate(name.trim());
  };
  return (
    <>
      <p>{t('households.about')}</p>
      <section aria-labelledby="join-household">
        <h2 id="join-household">{t('households.joinTitle')}</h2>
        <form onSubmit={look} noValidate>
          <TextField
            label={t('households.codeLabel')} name="household-code-input" autoComplete="off" autoCapitalize="characters" value={code}
            error={errors.code ?? (preview.data === null ? t('households.codeUnknown') : undefined)} onChange={(e) => setCode(e.target.value)}
          />
          <button type="submit" className="button">{t('households.lookUp')}</button>
        </form>
        {preview.data && (
          <form onSubmit={agree} noValidate className="join-card">
            <p>{t('households.joinWho', { household: preview.data.householdName, owner: preview.data.ownerName, count: preview.data.members })}</p>
            <Checkbox
              label={t('households.consent', { household: preview.data.householdName })} name="household-consent" checked={consent}
              error={errors.consent} onChange={(e) => setConsent(e.target.checked)}
            />
            {join.isError && <Alert kind="error">{generalMessage(t, join.error)}</Alert>}
            <button type="submit" className="button primary" disabled={join.isPending}>{t('households.join')}</button>
          </form>
        )}
      </section>
      <section aria-labelledby="create-household">
        <h2 id="create-household">{t('households.createTitle')}</h2>
        <form onSubmit={form} noValidate>
          <TextField label={t('households.name')} name="household-name" hint={t('households.nameHint')} value={name} error={errors.name} onChange={(e) => setName(e.target.value)} />
          {create.isError && <Alert kind="error">{generalMessage(t, create.error)}</Alert>}
          <button type="submit" className="button primary" disabled={create.isPending}>{t('households.create')}</button>
        </form>
      </section>
    </>
  );
}
