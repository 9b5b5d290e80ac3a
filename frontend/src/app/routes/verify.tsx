import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { verifyQuery } from '../../features/certification/api';
import { VerifyCode, VerifyCredential } from '../../features/certification/verify';
import { usePageTitle } from './use-page-title';

/** Public: anyone checks a completion record by its code or its signed credential, no account needed. */
export default function VerifyPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  usePageTitle(t('verify.title'));
  // The fold below the result waits for it, so the result does not push it down as it arrives.
  const checking = useQuery({ ...verifyQuery(code), enabled: code !== '' }).isLoading;
  return (
    <section>
      <h1 tabIndex={-1}>{t('verify.title')}</h1>
      <p>{t('verify.intro')}</p>
      <VerifyCode key={code} code={code} />
      {!checking && (
        <details className="for-verifiers">
          <summary>
            <h2>{t('verify.credentialTitle')}</h2>
          </summary>
          <p className="hint">{t('cert.forVerifiersIntro')}</p>
          <VerifyCredential />
        </details>
      )}
    </section>
  );
}
