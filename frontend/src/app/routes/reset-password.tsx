import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ResetPasswordForm } from '../../features/auth/reset-password-form';
import { IdentityButtons } from '../../features/identity/identity-buttons';
import { usePageTitle } from './use-page-title';

export default function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('reset.title'));
  return (
    <section className="narrow">
      <h1 tabIndex={-1}>{t('reset.title')}</h1>
      <IdentityButtons intent="reset" heading={t('identity.resetWith')} />
      <ResetPasswordForm />
      <p>
        <Link to="/dang-nhap">{t('nav.login')}</Link>
      </p>
    </section>
  );
}
