import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DetailsList } from '../../components/ui/details-list';
import { Alert, Spinner } from '../../components/ui/feedback';
import type { Me } from '../../lib/api-client';
import { formatDate } from '../../lib/i18n';

const ProfileEditForm = lazy(() => import('./profile-edit-form'));

/** The person's own data, read-only until they choose to edit it. */
export function ProfileDetails({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);

  if (editing) {
    return (
      <Suspense fallback={<Spinner />}>
        <ProfileEditForm
          me={me}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setSaved(true);
          }}
        />
      </Suspense>
    );
  }
  const rows: [string, string][] = [
    [t('fields.fullName'), me.fullName],
    [t('fields.phone'), me.phone ?? t('profile.none')],
    [t('fields.email'), me.email ?? t('profile.none')],
    [t('fields.birthYear'), String(me.birthYear)],
    [t('fields.targetGroup'), t(`targetGroups.${me.targetGroup}`)],
    [t('profile.unit'), me.unit.fullName],
    [t('profile.organisation'), me.organisation?.name ?? t('profile.none')],
    [t('profile.role'), t(`roles.${me.role}`)],
    ...(me.scope ? ([[t('profile.scope'), me.scope.name]] as [string, string][]) : []),
  ];
  return (
    <>
      {saved && <Alert kind="success">{t('profile.saved')}</Alert>}
      <DetailsList rows={rows} />
      {me.consentAt && (
        <p className="hint">
          {t('profile.consentGiven', {
            version: me.consentVersion,
            date: formatDate(me.consentAt, i18n.language),
          })}
        </p>
      )}
      <button type="button" className="button" onClick={() => setEditing(true)}>
        {t('profile.edit')}
      </button>
    </>
  );
}
