import '../../lib/i18n-together';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Alert, Spinner } from '../../components/ui/feedback';
import { generalMessage } from '../../lib/form-errors';
import { assistantStatusQuery, citationPath, type HistoryItem, historyQuery, useClearHistory, useDeleteHistoryItem } from './api';

/**
 * The person's own questions and answers, newest first, 50 at a time: each one deleted on its own, or
 * all at once after a confirmation. Says how long questions are kept.
 */
export function HistoryList() {
  const { t } = useTranslation();
  const history = useInfiniteQuery(historyQuery());
  const status = useQuery(assistantStatusQuery());
  const clear = useClearHistory();
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const items = history.data?.pages.flat() ?? [];

  if (history.isPending) return <Spinner />;
  if (history.isError) return <Alert kind="error">{generalMessage(t, history.error)}</Alert>;
  return (
    <>
      {status.data && <p className="hint">{t('assistantHistory.kept', { days: status.data.historyDays })}</p>}
      <div aria-live="polite">{done && <Alert kind="success">{done}</Alert>}</div>
      {items.length === 0 ? (
        <p>{t('assistantHistory.empty')}</p>
      ) : (
        <>
          <ol className="assistant-history">
            {items.map((item) => (
              <HistoryEntry key={item.id} item={item} onDeleted={() => setDone(t('assistantHistory.deletedOne'))} />
            ))}
          </ol>
          {history.hasNextPage && (
            <p className="actions">
              <button type="button" className="button" disabled={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
                {t('assistantHistory.more')}
              </button>
            </p>
          )}
          <section aria-labelledby="clear-history">
            <h2 id="clear-history">{t('assistantHistory.clearTitle')}</h2>
            {!confirming ? (
              <p className="actions">
                <button type="button" className="button danger" onClick={() => setConfirming(true)}>
                  {t('assistantHistory.clear')}
                </button>
              </p>
            ) : (
              <div role="group" aria-labelledby="clear-confirm">
                <p id="clear-confirm">{t('assistantHistory.clearConfirm')}</p>
                <p className="actions">
                  <button
                    type="button"
                    className="button danger"
                    disabled={clear.isPending}
                    onClick={() => clear.mutate(undefined, { onSuccess: () => (setConfirming(false), setDone(t('assistantHistory.cleared'))) })}
                  >
                    {t('assistantHistory.clearYes')}
                  </button>{' '}
                  <button type="button" className="button" onClick={() => setConfirming(false)}>
                    {t('assistantHistory.clearNo')}
                  </button>
                </p>
              </div>
            )}
            {clear.isError && <Alert kind="error">{generalMessage(t, clear.error)}</Alert>}
          </section>
        </>
      )}
    </>
  );
}

function HistoryEntry({ item, onDeleted }: { item: HistoryItem; onDeleted: () => void }) {
  const { t, i18n } = useTranslation();
  const remove = useDeleteHistoryItem();
  const when = new Date(item.askedAt).toLocaleString(i18n.language === 'en' ? 'en' : 'vi-VN', { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <li>
      <p>
        <strong>{item.question}</strong>
        <br />
        <span className="meta">
          <time dateTime={item.askedAt}>{when}</time>
          {item.helpful !== null && ` · ${item.helpful ? t('assistant.helpful') : t('assistant.notHelpful')}`}
        </span>
      </p>
      {item.mode === 'none' ? (
        <p className="meta">{t('assistantHistory.noneFound')}</p>
      ) : (
        <>
          {item.mode === 'model' && <p>{item.text}</p>}
          <ul className="citations">
            {item.citations.map((c) => (
              <li key={`${c.courseSlug}/${c.lessonSlug}#${c.anchor}`}>
                <Link to={citationPath(c)}>
                  {c.lessonTitle}
                  {c.anchor ? ` › ${c.heading}` : ''}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="actions">
        <button
          type="button"
          className="button"
          aria-label={t('assistantHistory.deleteOne', { question: item.question })}
          disabled={remove.isPending}
          onClick={() => remove.mutate(item.id, { onSuccess: onDeleted })}
        >
          {t('assistantHistory.delete')}
        </button>
      </p>
      {remove.isError && <Alert kind="error">{generalMessage(t, remove.error)}</Alert>}
    </li>
  );
}
