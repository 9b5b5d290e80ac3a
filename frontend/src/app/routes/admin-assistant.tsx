import { useTranslation } from 'react-i18next';
import { AssistantUsageView } from '../../features/assistant/assistant-usage';
import { RequireAuth } from '../require-auth';
import { usePageTitle } from './use-page-title';
import '../../lib/staff-strings';

export default function AdminAssistantPage() {
  const { t } = useTranslation();
  usePageTitle(t('assistantAdmin.title'));
  return (
    <RequireAuth role="admin">
      {(me) => (
        <section>
          <h1 tabIndex={-1}>{t('assistantAdmin.title')}</h1>
          <AssistantUsageView canSwitch={me.scope?.level === 'nation'} />
        </section>
      )}
    </RequireAuth>
  );
}
