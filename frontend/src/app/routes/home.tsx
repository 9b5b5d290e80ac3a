import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { Alert } from '../../components/ui/feedback';
import { meQuery } from '../../features/auth/api';
import { AssistantPanel } from '../../features/assistant/assistant-panel';
import { usePageTitle } from './use-page-title';

export default function HomePage() {
  const { t } = useTranslation();
  const me = useQuery(meQuery()).data;
  usePageTitle(t('nav.home'));
  const points = t('home.points', { returnObjects: true }) as string[];
  const deleted = (useLocation().state as { deleted?: boolean } | null)?.deleted === true;
  return (
    <section>
      {deleted && <Alert kind="success">{t('profile.deleted')}</Alert>}
      <h1 tabIndex={-1}>{me ? t('home.greeting', { name: me.fullName }) : t('home.title')}</h1>
      <p className="lead">{me ? t('home.loggedInIntro') : t('home.intro')}</p>
      {!me && (
        <>
          <ul className="points">
            {points.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
          <p className="actions">
            <Link className="button primary" to="/dang-ky">
              {t('home.start')}
            </Link>
            <Link className="button" to="/dang-nhap">
              {t('home.haveAccount')}
            </Link>
            <Link className="button" to="/khoa-hoc">
              {t('nav.catalogue')}
            </Link>
          </p>
        </>
      )}
      {me && <AssistantPanel />}
      {!me && (
        <p>
          {t('home.assistantSignedOut')} <Link to="/dang-nhap">{t('nav.login')}</Link>
        </p>
      )}
      {me && (
        <p className="actions">
          <Link className="button primary" to="/khoa-hoc">
            {t('nav.catalogue')}
          </Link>
          <Link className="button" to="/tu-danh-gia">
            {t('home.selfAssess')}
          </Link>
          <Link className="button" to="/ho-so">
            {t('nav.profile')}
          </Link>
        </p>
      )}
      <p className="meta">
        {t('home.verifyPrompt')} <Link to="/verify">{t('home.verifyLink')}</Link>
      </p>
    </section>
  );
}
