import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Alert, Spinner } from '../../components/ui/feedback';
import { Pager } from '../../components/ui/pager';
import { generalMessage } from '../../lib/form-errors';
import { type Notification, notificationsQuery, useMarkRead } from './api';

/** The sentence of a notification, written in the reader's language from its kind and words. */
function text(t: ReturnType<typeof useTranslation>['t'], n: Notification): string {
  const p = n.params as Record<string, string | number | null>;
  if (n.kind === 'ambassador_nudge') return p.courseTitle ? t('notifications.kinds.ambassador_nudge_course', p) : t('notifications.kinds.ambassador_nudge', p);
  return t(`notifications.kinds.${n.kind}`, p);
}

/** Newest first; opening one marks it read. */
export function NotificationList() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useQuery(notificationsQuery(page));
  const read = useMarkRead();
  if (list.isPending) return <Spinner />;
  if (list.isError) return <Alert kind="error">{generalMessage(t, list.error)}</Alert>;
  const { items, total, pageSize, unread } = list.data;
  if (items.length === 0) return <p>{t('notifications.empty')}</p>;
  return (
    <>
      <p aria-live="polite">{t('notifications.unreadCount', { count: unread })}</p>
      {unread > 0 && (
        <button type="button" className="button" onClick={() => read.mutate(null)} disabled={read.isPending}>
          {t('notifications.markAllRead')}
        </button>
      )}
      <ul className="notification-list">
        {items.map((n) => (
          <li key={n.id} className={n.readAt ? 'read' : 'unread'}>
            {!n.readAt && <span className="visually-hidden">{t('notifications.new')}: </span>}
            <Link to={n.link} onClick={() => !n.readAt && read.mutate(n.id)}>
              {text(t, n)}
            </Link>
            <br />
            <span className="hint">{new Date(n.createdAt).toLocaleString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB')}</span>
          </li>
        ))}
      </ul>
      {total > pageSize && <Pager page={page} pages={Math.ceil(total / pageSize)} onPage={setPage} />}
    </>
  );
}
