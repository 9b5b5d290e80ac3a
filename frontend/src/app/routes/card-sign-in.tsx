import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, Spinner } from '../../components/ui/feedback';
import { useCardSignIn } from '../../features/community/api';
import { usePageTitle } from './use-page-title';

/** Where a sign-in card's QR code leads: signs the holder in and opens their learning. */
export default function CardSignInPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const signIn = useCardSignIn();
  const started = useRef(false);
  usePageTitle(t('community.cardSignIn'));
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    signIn.mutate(code, { onSuccess: () => navigate('/hoc-tap', { replace: true }) });
  }, [code, navigate, signIn]);
  return (
    <section className="narrow">
      <h1 tabIndex={-1}>{t('community.cardSignIn')}</h1>
      {signIn.isError ? (
        <>
          <Alert kind="error">{t('community.cardInvalid')}</Alert>
          <Link to="/dang-nhap">{t('nav.login')}</Link>
        </>
      ) : (
        <Spinner />
      )}
    </section>
  );
}
