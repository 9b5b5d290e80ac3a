import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { Spinner } from '../../components/ui/feedback';
import { RegisterForm } from '../../features/auth/register-form';
import { identityPendingQuery } from '../../features/identity/api';
import { usePageTitle } from './use-page-title';

/** Where the identity provider sends someone who has no account yet: the rest of the registration. */
export default function RegisterIdentityPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const pending = useQuery(identityPendingQuery());
  usePageTitle(t('identity.registerTitle'));
  return (
    <section className="narrow">
      <h1 tabIndex={-1}>{t('identity.registerTitle')}</h1>
      {pending.isPending && <Spinner />}
      {pending.data === null && (
        <p>
          {t('identity.nothingPending')} <Link to="/dang-nhap">{t('nav.login')}</Link>
        </p>
      )}
      {pending.data && (
        <>
          <p>{t('identity.registerIntro')}</p>
          <RegisterForm identity={pending.data} onDone={() => navigate('/hoc-tap')} />
        </>
      )}
    </section>
  );
}
