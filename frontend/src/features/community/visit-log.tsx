import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/ui/fields';
import { Alert } from '../../components/ui/feedback';
import { logVisit, residentsQuery, visitsQuery } from './api';

/** Household visits: logged on the spot, kept on the phone without a signal and sent when it returns. */
export function VisitLog() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const visits = useQuery(visitsQuery());
  const residents = useQuery(residentsQuery());
  const [people, setPeople] = useState('1');
  const [note, setNote] = useState('');
  const [helped, setHelped] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<'sent' | 'queued' | 'rejected' | null>(null);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const result = await logVisit({ visitedAt: new Date().toISOString(), peopleHelped: Number(people), residentIds: helped, note: note.trim() || undefined });
    setOutcome(result.status);
    if (result.status !== 'rejected') {
      setNote('');
      setHelped([]);
    }
    await qc.invalidateQueries({ queryKey: ['community', 'visits'] });
  };

  return (
    <>
      <form onSubmit={(e) => void submit(e)}>
        {outcome === 'sent' && <Alert kind="success">{t('community.visitSent')}</Alert>}
        {outcome === 'queued' && <Alert kind="info">{t('community.visitQueued')}</Alert>}
        {outcome === 'rejected' && <Alert kind="error">{t('community.visitRejected')}</Alert>}
        <TextField label={t('community.peopleHelped')} name="peopleHelped" type="number" inputMode="numeric" min={0} max={50} value={people} onChange={(e) => setPeople(e.target.value)} />
        {residents.data && residents.data.length > 0 && (
          <fieldset>
            <legend>{t('community.residentsHelped')}</legend>
            {residents.data.map((r) => (
              <label key={r.id} className="check">
                <input type="checkbox" checked={helped.includes(r.id)} onChange={(e) => setHelped(e.target.checked ? [...helped, r.id] : helped.filter((x) => x !== r.id))} />
                {r.fullName}
              </label>
            ))}
          </fieldset>
        )}
        <TextField label={t('community.visitNote')} name="visitNote" maxLength={300} value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="submit" className="button primary">
          {t('community.logVisit')}
        </button>
      </form>
      {visits.data && visits.data.length > 0 && (
        <ul className="visit-list" data-testid="visits">
          {visits.data.map((v) => (
            <li key={v.id}>
              {new Date(v.visitedAt).toLocaleString(i18n.language)}: {t('community.visitPeople', { count: v.peopleHelped })}
              {v.note ? ` — ${v.note}` : ''}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
