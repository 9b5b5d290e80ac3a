import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { OfflineNotice } from '../../components/connection/offline-notice';
import { usePageTitle } from './use-page-title';

/** A page's code that could not be fetched: offline, or replaced by a newer version of the app. */
const isLoadFailure = (error: unknown) =>
  error instanceof TypeError || (error instanceof Error && /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(error.message));

/**
 * Shown in place of any page that fails to load or render (instead of React Router's developer page):
 * the header and navigation stay, the text is the reader's language, and there is always a way back.
 */
export default function RouteError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const loadFailure = isLoadFailure(error) || !navigator.onLine;
  usePageTitle(loadFailure ? t('offline.title') : t('errors.pageFailed'));
  if (loadFailure) return <OfflineNotice heading />;
  return (
    <section>
      <h1 tabIndex={-1}>{t('errors.pageFailed')}</h1>
      <p>{t('errors.pageFailedBody')}</p>
      <p className="actions">
        <button type="button" className="button primary" onClick={() => window.location.reload()}>
          {t('offline.retry')}
        </button>
        <Link className="button" to="/">
          {t('nav.home')}
        </Link>
      </p>
    </section>
  );
}
