import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { RecordAdmin } from '../../features/admin-certification/record-admin';
import { RequireAuth } from '../require-auth';
import { usePageTitle } from './use-page-title';
import '../../lib/staff-strings';

export default function AdminRecordsPage() {
  const { t } = useTranslation();
  usePageTitle(t('adminRecords.title'));
  return (
    <RequireAuth role="admin">
      {() => (
        <section>
          <h1 tabIndex={-1}>{t('adminRecords.title')}</h1>
          <p>
            <Link to="/quan-tri/chinh-sach-xac-nhan">{t('policies.title')}</Link>
          </p>
          <RecordAdmin />
        </section>
      )}
    </RequireAuth>
  );
}
