import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { unreadQuery } from './api';

/** The header's link to the notifications, with the number not yet read. */
export function NotificationBell() {
  const { t } = useTranslation();
  const unread = useQuery(unreadQuery()).data ?? 0;
  return (
    <NavLink to="/thong-bao" className="bell" aria-label={unread ? t('notifications.bellUnread', { count: unread }) : t('notifications.title')}>
      <span aria-hidden="true">🔔</span> {t('notifications.title')}
      {unread > 0 && (
        <span className="bell-count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </NavLink>
  );
}
