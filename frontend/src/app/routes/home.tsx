import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { Alert } from '../../components/ui/feedback';
import { meQuery } from '../../features/auth/api';
import { coursesQuery } from '../../features/catalogue/api';
import { myLearningQuery } from '../../features/learning/api';
import { coursePath, stepPath } from '../../features/learning/paths';
import type { Me } from '../../lib/api-client';
import { AssistantPanel } from '../../features/assistant/assistant-panel';
import { usePageTitle } from './use-page-title';

export default function HomePage() {
  const { t } = useTranslation();
  const me = useQuery(meQuery()).data;
  usePageTitle(t('nav.home'));
  const points = t('home.points', { returnObjects: true }) as string[];
  const state = useLocation().state as { deleted?: boolean; welcome?: boolean } | null;
  const deleted = state?.deleted === true;
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
      {me && <NextStep me={me} welcome={state?.welcome === true} />}
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

/**
 * What to do next, signed in: "continue learning" where the person stopped, or, with nothing started
 * yet (just registered), the self-assessment and the first course meant for their group.
 */
function NextStep({ me, welcome }: { me: Me; welcome: boolean }) {
  const { t } = useTranslation();
  const mine = useQuery(myLearningQuery());
  const current = mine.data?.find((c) => c.status === 'active' && c.nextStep);
  const firstCourse = useQuery({ ...coursesQuery({ targetGroup: me.targetGroup }), enabled: mine.isSuccess && !current }).data?.[0];
  if (current?.nextStep) {
    return (
      <section className="next-card" aria-labelledby="continue-title">
        <h2 id="continue-title">{t('home.continueTitle')}</h2>
        <p>
          <Link to={coursePath(current.slug)}>{current.title}</Link> · {t('learning.percent', { percent: current.percent })}
        </p>
        <p className="actions">
          <Link className="button primary" to={stepPath(current.slug, current.nextStep)}>
            {t('learning.continue', { title: current.nextStep.title })}
          </Link>
        </p>
      </section>
    );
  }
  if (!mine.isSuccess || mine.data.length > 0) return null;
  return (
    <section className="next-card" aria-labelledby="start-title">
      <h2 id="start-title">{t(welcome ? 'home.welcomeTitle' : 'home.startTitle')}</h2>
      <p>{t('home.startIntro', { group: t(`targetGroups.${me.targetGroup}`) })}</p>
      <p className="actions">
        <Link className="button primary" to="/tu-danh-gia">
          {t('home.selfAssess')}
        </Link>
        {firstCourse && (
          <Link className="button" to={coursePath(firstCourse.slug)}>
            {t('home.firstCourse', { title: firstCourse.title })}
          </Link>
        )}
      </p>
    </section>
  );
}
