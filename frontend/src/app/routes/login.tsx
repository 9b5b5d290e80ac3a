import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { LoginForm } from '../../features/auth/login-form';
import { CardCodeForm } from '../../features/community/card-code-form';
import { IdentityButtons, IdentityOutcome } from '../../features/identity/identity-buttons';
import { usePageTitle } from './use-page-title';

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  usePageTitle(t('login.title'));
  // Only same-site paths: an open redirect would let a link send people elsewhere after login.
  const next = params.get('tiep');
  const target = next?.startsWith('/') && !next.startsWith('//') ? next : '/ho-so';
  return (
    <section className="narrow">
      <h1 tabIndex={-1}>{t('login.title')}</h1>
      <IdentityOutcome />
      <LoginForm onDone={() => navigate(target)} />
      <IdentityButtons intent="signin" />
      <CardCodeForm />
      <p>
        <Link to="/quen-mat-khau">{t('login.forgot')}</Link>
      </p>
      <p>
        {t('login.noAccount')} <Link to="/dang-ky">{t('nav.register')}</Link>
      </p>
    </section>
  );
}
