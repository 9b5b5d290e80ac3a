import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { IdentityPasswordForm } from '../../features/identity/identity-password-form';
import { usePageTitle } from './use-page-title';

/** After the identity provider confirmed who the person is: choose a new password. */
export default function ResetPasswordIdentityPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageTitle(t('identity.resetTitle'));
  return (
    <section className="narrow">
      <h1 tabIndex={-1}>{t('identity.resetTitle')}</h1>
      <p>{t('identity.resetIntro')}</p>
      <IdentityPasswordForm onDone={() => navigate('/ho-so')} />
    </section>
  );
}
