import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { Checkbox, TextField } from '../../components/ui/fields';
import { Alert, Spinner } from '../../components/ui/feedback';
import { generalMessage } from '../../lib/form-errors';
import { invitationQuery, mentorshipQuery, useJoinAmbassador, useWithdraw } from './api';

const clean = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

/** The mentee's side: joining an ambassador with their code (seeing whose it is first) and withdrawing at any time. */
export function MentorshipPanel() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const mentorship = useQuery(mentorshipQuery());
  const withdraw = useWithdraw();
  const [code, setCode] = useState(params.get('ma') ?? '');
  if (mentorship.isPending) return <Spinner />;
  if (mentorship.isError) return <Alert kind="error">{generalMessage(t, mentorship.error)}</Alert>;
  const { ambassadorName, since } = mentorship.data;
  return (
    <>
      {ambassadorName && since ? (
        <>
          <p>{t('ambassadors.yourAmbassador', { name: ambassadorName, date: new Date(since).toLocaleDateString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB') })}</p>
          <p className="hint">{t('ambassadors.sharingNote')}</p>
          <button type="button" className="button danger" onClick={() => withdraw.mutate(undefined)} disabled={withdraw.isPending}>
            {t('ambassadors.withdraw')}
          </button>
        </>
      ) : (
        <>
          {withdraw.isSuccess && <Alert kind="success">{t('ambassadors.withdrawn')}</Alert>}
          <p>{t('ambassadors.joinAbout')}</p>
          <JoinForm code={code} setCode={setCode} />
        </>
      )}
    </>
  );
}

function JoinForm({ code, setCode }: { code: string; setCode: (c: string) => void }) {
  const { t } = useTranslation();
  const [checked, setChecked] = useState<string>(clean(code).length === 8 ? clean(code) : '');
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<{ code?: string; consent?: string }>({});
  const preview = useQuery({ ...invitationQuery(checked), enabled: checked !== '' });
  const join = useJoinAmbassador();
  const look = (e: FormEvent) => {
    e.preventDefault();
    if (clean(code).length !== 8) {
      setErrors({ code: t('ambassadors.codeInvalid') });
      document.getElementById('ambassador-code-input')?.focus();
      return;
    }
    setErrors({});
    setChecked(clean(code));
  };
  const agree = (e: FormEvent) => {
    e.preventDefault();
    if (!consent) {
      setErrors({ consent: t('ambassadors.consentRequired') });
      document.getElementById('ambassador-consent')?.focus();
      return;
    }
    setErrors({});
    join.mutate(checked, { onSuccess: () => { setChecked(''); setCode(''); setConsent(false); } });
  };
  return (
    <>
      <form onSubmit={look} noValidate>
        <TextField
          label={t('ambassadors.codeLabel')} name="ambassador-code-input" autoComplete="off" autoCapitalize="characters" value={code}
          error={errors.code ?? (preview.data === null ? t('ambassadors.codeUnknown') : undefined)} onChange={(e) => setCode(e.target.value)}
        />
        <button type="submit" className="button">{t('ambassadors.lookUp')}</button>
      </form>
      {preview.data && (
        <form onSubmit={agree} noValidate className="join-card">
          <p>{t('ambassadors.joinWho', { name: preview.data.ambassadorName })}</p>
          <Checkbox
            label={t('ambassadors.consent', { name: preview.data.ambassadorName })} name="ambassador-consent" checked={consent}
            error={errors.consent} onChange={(e) => setConsent(e.target.checked)}
          />
          {join.isError && <Alert kind="error">{generalMessage(t, join.error)}</Alert>}
          <button type="submit" className="button primary" disabled={join.isPending}>{t('ambassadors.join')}</button>
        </form>
      )}
    </>
  );
}
