import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { UserDetail } from '../../features/admin-users/user-detail';
import { UserList } from '../../features/admin-users/user-list';
import { RequireAuth } from '../require-auth';
import { usePageTitle } from './use-page-title';
import '../../lib/staff-strings';

export default function AdminUsersPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const title = id ? t('admin.detailTitle') : t('admin.title');
  usePageTitle(title);
  return (
    <RequireAuth role="admin">
      {(me) => (
        <>
          <h1 tabIndex={-1}>{title}</h1>
          {id ? <UserDetail id={id} /> : <UserList me={me} />}
        </>
      )}
    </RequireAuth>
  );
}
