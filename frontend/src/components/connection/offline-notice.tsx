import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/**
 * What a page that needs the network says when there is none (or the server cannot be reached): in
 * plain words, with a way to try again and a way back to what works offline.
 */
export function OfflineNotice({ onRetry, heading = false }: { onRetry?: () => void; heading?: boolean }) {
  const { t } = useTranslation();
  const offline = !navigator.onLine;
  return (
    <div className="alert alert-info offline-notice" role="status">
      {heading ? <h1 tabIndex={-1}>{t(offline ? 'offline.title' : 'offline.unreachableTitle')}</h1> : <p><strong>{t(offline ? 'offline.title' : 'offline.unreachableTitle')}</strong></p>}
      <p>{t('offline.body')}</p>
      <p className="actions">
        <button type="button" className="button primary" onClick={onRetry ?? (() => window.location.reload())}>
          {t('offline.retry')}
        </button>
        <Link className="button" to="/hoc-tap">
          {t('offline.myLearning')}
        </Link>
        <Link className="button" to="/">
          {t('nav.home')}
        </Link>
      </p>
    </div>
  );
}
