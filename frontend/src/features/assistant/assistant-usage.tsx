import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Spinner } from '../../components/ui/feedback';
import { generalMessage } from '../../lib/form-errors';
import { type AssistantMode, assistantUsageQuery, useSetAssistantMode } from './api';

const MODES: AssistantMode[] = ['model', 'local', 'off'];

/** The administrator's page: the switch (national administrators), who answers, use per week and unit, and the content gaps. */
export function AssistantUsageView({ canSwitch }: { canSwitch: boolean }) {
  const { t, i18n } = useTranslation();
  const usage = useQuery(assistantUsageQuery());
  const setMode = useSetAssistantMode();
  if (usage.isPending) return <Spinner />;
  if (usage.isError) return <Alert kind="error">{generalMessage(t, usage.error)}</Alert>;
  const u = usage.data;
  const rated = u.helpful + u.notHelpful;
  const fmt = new Intl.NumberFormat(i18n.language === 'en' ? 'en' : 'vi-VN', { style: 'percent' });
  return (
    <>
      <fieldset>
        <legend>{t('assistantAdmin.mode')}</legend>
        {MODES.map((m) => (
          <label key={m} className="choice">
            <input type="radio" name="assistant-mode" value={m} checked={u.mode === m} disabled={!canSwitch || setMode.isPending} onChange={() => setMode.mutate(m)} />{' '}
            {t(`assistantAdmin.modes.${m}`)}
          </label>
        ))}
        {!canSwitch && <p className="hint">{t('assistantAdmin.nationOnly')}</p>}
      </fieldset>
      {setMode.isError && <Alert kind="error">{generalMessage(t, setMode.error)}</Alert>}
      <p>{u.provider ? t('assistantAdmin.provider', { host: u.provider.host, model: u.provider.model }) : t('assistantAdmin.noProvider')}</p>
      <p>
        {u.retrieval.ranking === 'hybrid'
          ? t('assistantAdmin.rankingHybrid', { model: u.retrieval.embeddings?.model, host: u.retrieval.embeddings?.host })
          : t(`assistantAdmin.rankingFullText.${u.retrieval.reason ?? 'no_endpoint'}`, { model: u.retrieval.embeddings?.model, embedded: u.retrieval.embedded, passages: u.retrieval.passages })}
      </p>
      <p>{rated ? t('assistantAdmin.helpfulRate', { rate: fmt.format(u.helpful / rated), count: rated }) : t('assistantAdmin.noVerdicts')}</p>
      <h2>{t('assistantAdmin.perWeek')}</h2>
      {u.weeks.length === 0 ? (
        <p>{t('assistantAdmin.noQuestions')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('assistantAdmin.week')}</th>
                <th scope="col">{t('assistantAdmin.unit')}</th>
                <th scope="col">{t('assistantAdmin.questions')}</th>
              </tr>
            </thead>
            <tbody>
              {u.weeks.map((w) => (
                <tr key={`${w.week}/${w.unitId}`}>
                  <td>{new Date(w.week).toLocaleDateString(i18n.language === 'en' ? 'en' : 'vi-VN')}</td>
                  <td>{w.unitName ?? '—'}</td>
                  <td>{w.questions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('assistantAdmin.unanswered')}</h2>
      <p className="hint">{t('assistantAdmin.unansweredHint')}</p>
      {u.unanswered.length === 0 ? (
        <p>{t('assistantAdmin.noUnanswered')}</p>
      ) : (
        <ol>
          {u.unanswered.map((q) => (
            <li key={q.question}>
              {q.question} ({t('assistantAdmin.times', { count: q.count })})
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
