import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { RegisterForm } from '../../features/auth/register-form';
import { usePageTitle } from './use-page-title';

export default function RegisterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageTitle(t('register.title'));
  return (
    <section className="narrow">
      <h1 tabIndex={-1}>{t('register.title')}</h1>
      <p>{t('register.intro')}</p>
      {/* The home page then suggests where to start: the self-assessment or the first course of their group. */}
      <RegisterForm onDone={() => navigate('/', { state: { welcome: true } })} />
      <p>
        {t('register.haveAccount')} <Link to="/dang-nhap">{t('nav.login')}</Link>
      </p>
    </section>
  );
}
