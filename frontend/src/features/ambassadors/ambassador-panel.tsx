import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProgressSummary } from '../../components/progress-summary/progress-summary';
import { Alert, Spinner } from '../../components/ui/feedback';
import { generalMessage } from '../../lib/form-errors';
import { ambassadorStatusQuery, menteesQuery, useBecomeAmbassador, useRemind, useStepDown } from './api';

/** The ambassador's side: becoming one, the code to hand out, and each mentee's progress with a reminder button. */
export function AmbassadorPanel() {
  const { t } = useTranslation();
  const status = useQuery(ambassadorStatusQuery());
  const become = useBecomeAmbassador();
  const stepDown = useStepDown();
  if (status.isPending) return <Spinner />;
  if (status.isError) return <Alert kind="error">{generalMessage(t, status.error)}</Alert>;
  const { eligible, ambassador } = status.data;
  if (!ambassador) {
    return (
      <>
        <p>{t('ambassadors.about')}</p>
        {eligible ? (
          <button type="button" className="button primary" onClick={() => become.mutate(undefined)} disabled={become.isPending}>
            {t('ambassadors.become')}
          </button>
        ) : (
          <p>
            {t('ambassadors.needRecord')} <Link to="/chung-nhan">{t('nav.records')}</Link>
          </p>
        )}
        {become.isError && <Alert kind="error">{generalMessage(t, become.error)}</Alert>}
      </>
    );
  }
  return (
    <>
      <div className="join-card">
        <h3>{t('ambassadors.yourCode')}</h3>
        <p className="record-code" data-testid="ambassador-code">{ambassador.inviteCode}</p>
        <p className="hint wrap-anywhere">
          {t('ambassadors.shareLink')} <span>{ambassador.inviteUrl}</span>
        </p>
      </div>
      <h3>{t('ambassadors.mentees', { count: ambassador.mentees })}</h3>
      <MenteeList />
      <button type="button" className="button danger" onClick={() => stepDown.mutate(undefined)} disabled={stepDown.isPending}>
        {t('ambassadors.stepDown')}
      </button>
    </>
  );
}

function MenteeList() {
  const { t } = useTranslation();
  const mentees = useQuery(menteesQuery());
  const remind = useRemind();
  const [outcome, setOutcome] = useState<{ name: string; text: string; error: boolean } | null>(null);
  if (!mentees.data) return mentees.isError ? <Alert kind="error">{generalMessage(t, mentees.error)}</Alert> : <Spinner />;
  if (mentees.data.length === 0) return <p>{t('ambassadors.noMentees')}</p>;
  return (
    <>
      {outcome && <Alert kind={outcome.error ? 'error' : 'success'}>{outcome.text}</Alert>}
      <ul className="resident-list">
        {mentees.data.map((m) => (
          <li key={m.menteeId}>
            <strong>{m.fullName}</strong>
            <ProgressSummary summary={m} />
            <div className="actions">
              <button
                type="button"
                className="button"
                disabled={remind.isPending}
                onClick={() =>
                  remind.mutate(m.menteeId, {
                    onSuccess: (r) => setOutcome({ name: m.fullName, text: t(`ambassadors.reminder.${r.outcome}`, { name: m.fullName }), error: false }),
                    onError: (err) => setOutcome({ name: m.fullName, text: generalMessage(t, err), error: true }),
                  })
                }
              >
                {t('ambassadors.remind', { name: m.fullName })}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
