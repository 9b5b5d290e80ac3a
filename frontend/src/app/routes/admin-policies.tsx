import { useTranslation } from 'react-i18next';
import { PolicyEditor } from '../../features/admin-certification/policy-editor';
import { RequireAuth } from '../require-auth';
import { usePageTitle } from './use-page-title';
import '../../lib/staff-strings';

export default function AdminPoliciesPage() {
  const { t } = useTranslation();
  usePageTitle(t('policies.title'));
  return (
    <RequireAuth role="admin">
      {(me) => (
        <section>
          <h1 tabIndex={-1}>{t('policies.title')}</h1>
          <p>{t('policies.intro')}</p>
          <PolicyEditor me={me} />
        </section>
      )}
    </RequireAuth>
  );
}
