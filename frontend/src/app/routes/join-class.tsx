import { useTranslation } from 'react-i18next';
import { JoinClass } from '../../features/classes/join-class';
import { RequireAuth } from '../require-auth';
import { usePageTitle } from './use-page-title';

export default function JoinClassPage() {
  const { t } = useTranslation();
  usePageTitle(t('classes.joinPage'));
  return (
    <RequireAuth>
      {() => (
        <section>
          <h1 tabIndex={-1}>{t('classes.joinPage')}</h1>
          <JoinClass />
        </section>
      )}
    </RequireAuth>
  );
}
