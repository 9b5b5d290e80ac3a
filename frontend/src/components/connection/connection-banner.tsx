import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { pendingCount, replay, subscribe } from '../../lib/outbox';

const subscribeOnline = (cb: () => void) => {
  window.addEventListener('online', cb);
  window.addEventListener('offline', cb);
  return () => {
    window.removeEventListener('online', cb);
    window.removeEventListener('offline', cb);
  };
};

/**
 * Says when the phone is offline and how much learning waits on it, and sends what waits as soon
 * as the connection is back (and on every app start).
 */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine);
  const pending = useSyncExternalStore(subscribe, pendingCount);
  const [justSynced, setJustSynced] = useState(0);

  useEffect(() => {
    if (!online) return;
    void replay().then((n) => {
      if (n === 0) return;
      setJustSynced(n);
      // Learning and team work (household visits) are what the outbox carries.
      void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'learning' || q.queryKey[0] === 'community' });
    });
  }, [online, qc]);

  if (!online) {
    return (
      <div className="connection offline" role="status">
        {t('connection.offline')} {pending > 0 && t('connection.pending', { count: pending })}
      </div>
    );
  }
  if (pending > 0) return <div className="connection" role="status">{t('connection.sending', { count: pending })}</div>;
  if (justSynced > 0) return <div className="connection synced" role="status">{t('connection.synced', { count: justSynced })}</div>;
  return null;
}
