import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { warmEnrolledCourses } from '../../lib/offline-courses';
import { onDelivered, pendingCount, subscribe } from '../../lib/outbox';
import { applyUpdate, isUpdateWaiting, subscribeUpdate } from '../../lib/app-update';

const subscribeOnline = (cb: () => void) => {
  window.addEventListener('online', cb);
  window.addEventListener('offline', cb);
  return () => {
    window.removeEventListener('online', cb);
    window.removeEventListener('offline', cb);
  };
};

export const useOnline = () => useSyncExternalStore(subscribeOnline, () => navigator.onLine);

/**
 * Says when the phone is offline and how much learning waits on it (the outbox sends it by itself,
 * `startOutboxSync`), tells when it has been sent, and offers a new version of the app when one is ready.
 */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const online = useOnline();
  const pending = useSyncExternalStore(subscribe, pendingCount);
  const updateWaiting = useSyncExternalStore(subscribeUpdate, isUpdateWaiting);
  const [justSynced, setJustSynced] = useState(0);

  useEffect(
    () =>
      onDelivered((n) => {
        setJustSynced(n);
        // Progress and team work (household visits) changed on the server: refresh what is shown, and store newly opened lessons for offline.
        void qc
          .invalidateQueries({ predicate: (q) => q.queryKey[0] === 'learning' || q.queryKey[0] === 'community' })
          .then(() => warmEnrolledCourses());
      }),
    [qc],
  );

  return (
    <>
      {!online ? (
        <div className="connection offline" role="status">
          {t('connection.offline')} {pending > 0 && t('connection.pending', { count: pending })}
        </div>
      ) : pending > 0 ? (
        <div className="connection" role="status">
          {t('connection.sending', { count: pending })}
        </div>
      ) : justSynced > 0 ? (
        <div className="connection synced" role="status">
          {t('connection.synced', { count: justSynced })}
        </div>
      ) : null}
      {updateWaiting && (
        <div className="connection update" role="status">
          {t('connection.updateReady')}{' '}
          <button type="button" className="link-button" onClick={applyUpdate}>
            {t('connection.updateNow')}
          </button>
        </div>
      )}
    </>
  );
}
