import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/feedback';
import { generalMessage } from '../../lib/form-errors';
import type { Schemas } from '../../lib/api-client';
import { notificationSettingsQuery, useSaveNotificationSettings } from './api';

type Setting = Schemas['NotificationSettingDto'];

/** Per kind: in the app, and by email where email can reach the person. */
export function NotificationSettingsForm() {
  const { t } = useTranslation();
  const current = useQuery(notificationSettingsQuery());
  const save = useSaveNotificationSettings();
  const [draft, setDraft] = useState<Setting[]>([]);
  useEffect(() => {
    if (current.data) setDraft(current.data.settings);
  }, [current.data]);
  if (!current.data) return null;
  const set = (kind: Setting['kind'], key: 'inApp' | 'email', value: boolean) =>
    setDraft((d) => d.map((s) => (s.kind === kind ? { ...s, [key]: value } : s)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(draft);
  };
  return (
    <form onSubmit={submit} noValidate>
      {!current.data.emailAvailable && <p className="hint">{t('notifications.noEmail')}</p>}
      {draft.map((s) => (
        <fieldset key={s.kind} className="field">
          <legend>{t(`notifications.settingKinds.${s.kind}`)}</legend>
          <label className="choice">
            <input type="checkbox" name={`${s.kind}-app`} checked={s.inApp} onChange={(e) => set(s.kind, 'inApp', e.target.checked)} />
            <span>{t('notifications.inApp')}</span>
          </label>
          {current.data.emailAvailable && (
            <label className="choice">
              <input type="checkbox" name={`${s.kind}-email`} checked={s.email} onChange={(e) => set(s.kind, 'email', e.target.checked)} />
              <span>{t('notifications.byEmail')}</span>
            </label>
          )}
        </fieldset>
      ))}
      {save.isSuccess && <Alert kind="success">{t('notifications.saved')}</Alert>}
      {save.isError && <Alert kind="error">{generalMessage(t, save.error)}</Alert>}
      <button type="submit" className="button primary" disabled={save.isPending}>
        {t('notifications.save')}
      </button>
    </form>
  );
}
