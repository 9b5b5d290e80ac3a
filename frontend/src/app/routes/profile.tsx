import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { IdentityLinksPanel } from '../../features/identity/identity-links';
import { ProfileDetails } from '../../features/profile/profile-details';
import { RequireAuth } from '../require-auth';
import { usePageTitle } from './use-page-title';

// The sections below the person's details load after them: their forms (react-hook-form) are not needed for the first screen.
const actions = () => import('../../features/profile/account-actions');
const ChangePasswordForm = lazy(() => actions().then((m) => ({ default: m.ChangePasswordForm })));
const DataExportPanel = lazy(() => actions().then((m) => ({ default: m.DataExportPanel })));
const DeleteAccountPanel = lazy(() => actions().then((m) => ({ default: m.DeleteAccountPanel })));

export default function ProfilePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageTitle(t('profile.title'));
  return (
    <RequireAuth>
      {(me) => (
        <div className="narrow">
          <h1 tabIndex={-1}>{t('profile.title')}</h1>
          <section aria-labelledby="details">
            <h2 id="details">{t('profile.details')}</h2>
            <ProfileDetails me={me} />
          </section>
          <section aria-labelledby="identity">
            <h2 id="identity">{t('identity.profileTitle')}</h2>
            <IdentityLinksPanel me={me} />
          </section>
          <Suspense>
            <section aria-labelledby="password">
              <h2 id="password">{t('profile.passwordTitle')}</h2>
              <ChangePasswordForm />
            </section>
            <section aria-labelledby="export">
              <h2 id="export">{t('profile.exportTitle')}</h2>
              <DataExportPanel />
            </section>
            <section aria-labelledby="delete">
              <h2 id="delete">{t('profile.deleteTitle')}</h2>
              <DeleteAccountPanel hasPassword={me.hasPassword} onDeleted={() => navigate('/', { state: { deleted: true } })} />
            </section>
          </Suspense>
        </div>
      )}
    </RequireAuth>
  );
}
