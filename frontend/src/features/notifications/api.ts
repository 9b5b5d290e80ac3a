import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../lib/api-client';

export type Notification = Schemas['NotificationDto'];
export type NotificationSettings = Schemas['NotificationSettingsViewDto'];

const KEY = 'notifications';

/** The bell's count, asked every minute while the page is open. */
export const unreadQuery = () =>
  queryOptions({
    queryKey: [KEY, 'unread'],
    queryFn: async () => unwrap(await api.GET('/api/me/notifications/unread-count')).unread,
    refetchInterval: 60_000,
    staleTime: 30_000,
  });

export const notificationsQuery = (page: number) =>
  queryOptions({
    queryKey: [KEY, 'list', page],
    queryFn: async () => unwrap(await api.GET('/api/me/notifications', { params: { query: { page } } })),
    placeholderData: keepPreviousData,
  });

export const notificationSettingsQuery = () =>
  queryOptions({ queryKey: [KEY, 'settings'], queryFn: async () => unwrap(await api.GET('/api/me/notification-settings')) });

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (id: string | null) =>
      unwrap(id ? await api.POST('/api/me/notifications/{id}/read', { params: { path: { id } } }) : await api.POST('/api/me/notifications/read')),
    onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }),
  });
}

export function useSaveNotificationSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (settings: Schemas['NotificationSettingDto'][]) => unwrap(await api.PUT('/api/me/notification-settings', { body: { settings } })),
    onSuccess: (saved) => qc.setQueryData(notificationSettingsQuery().queryKey, saved),
  });
}
