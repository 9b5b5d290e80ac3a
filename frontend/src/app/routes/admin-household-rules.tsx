import '../../lib/i18n-together';
import { useTranslation } from 'react-i18next';
import { HouseholdRulesEditor } from '../../features/households/household-rules-editor';
import { RequireAuth } from '../require-auth';
import { usePageTitle } from './use-page-title';

export default function AdminHouseholdRulesPage() {
  const { t } = useTranslation();
  usePageTitle(t('householdRules.title'));
  return (
    <RequireAuth role="admin">
      {(me) => (
        <div className="narrow">
          <h1 tabIndex={-1}>{t('householdRules.title')}</h1>
          <p>{t('householdRules.about')}</p>
          <HouseholdRulesEditor canEdit={me.scope?.level === 'nation'} />
        </div>
      )}
    </RequireAuth>
  );
}
