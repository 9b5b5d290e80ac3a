import '../../lib/i18n-together';
import { useTranslation } from 'react-i18next';
import { NotificationList } from '../../features/notifications/notification-list';
import { NotificationSettingsForm } from '../../features/notifications/notification-settings';
import { RequireAuth } from '../require-auth';
import { usePageTitle } from './use-page-title';

/** The person's notifications and which of them they want, in the app and by email. */
export default function NotificationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('notifications.title'));
  return (
    <RequireAuth>
      {() => (
        <div className="narrow">
          <h1 tabIndex={-1}>{t('notifications.title')}</h1>
          <NotificationList />
          <section aria-labelledby="notification-settings">
            <h2 id="notification-settings">{t('notifications.settingsTitle')}</h2>
            <NotificationSettingsForm />
          </section>
        </div>
      )}
    </RequireAuth>
  );
}
