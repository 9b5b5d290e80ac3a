import '../../lib/i18n-together';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { HistoryList } from '../../features/assistant/history-list';
import { DataExportPanel } from '../../features/profile/account-actions';
import { RequireAuth } from '../require-auth';
import { usePageTitle } from './use-page-title';

/** The person's questions to the learning assistant: read, deleted one by one or all, and downloaded with their data. */
export default function AssistantHistoryPage() {
  const { t } = useTranslation();
  usePageTitle(t('assistantHistory.title'));
  return (
    <RequireAuth>
      {() => (
        <div className="narrow">
          <h1 tabIndex={-1}>{t('assistantHistory.title')}</h1>
          <p>
            {t('assistantHistory.intro')} <Link to="/">{t('assistantHistory.askAgain')}</Link>
          </p>
          <HistoryList />
          <section aria-labelledby="history-export">
            <h2 id="history-export">{t('assistantHistory.exportTitle')}</h2>
            <p>{t('assistantHistory.exportNote')}</p>
            <DataExportPanel />
          </section>
        </div>
      )}
    </RequireAuth>
  );
}
