import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { Spinner } from '../components/ui/feedback';
import { meQuery, useLogout } from '../features/auth/api';
import { membershipQuery } from '../features/community/api';
import { AssistedBar } from '../features/community/assisted-bar';
import { RouteErrorBoundary } from './route-error-boundary';
import { ConnectionBanner } from '../components/connection/connection-banner';
import { TextSizeControl } from '../components/text-size/text-size';
import { changeLanguage, LANGUAGES } from '../lib/i18n';

// Only a signed-in person has a bell: its code stays out of the first download of sign-in and registration.
const NotificationBell = lazy(() => import('../features/notifications/notification-bell').then((m) => ({ default: m.NotificationBell })));

/** Header, navigation, language switch; moves focus to the page heading after each navigation. */
export function Layout() {
  const { t, i18n } = useTranslation();
  const me = useQuery(meQuery()).data;
  const team = useQuery({ ...membershipQuery(), enabled: Boolean(me) }).data;
  const logout = useLogout();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // Phones: the navigation folds behind a menu button, so the page's title stays in view at any text size.
  const [menuOpen, setMenuOpen] = useState(false);

  // Any navigation closes the menu, a link to the page already shown included.
  useEffect(() => setMenuOpen(false), [location.key]);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.querySelector('h1')?.focus();
  }, [location.pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <button type="button" className="menu-button" aria-expanded={menuOpen} aria-controls="site-menu" onClick={() => setMenuOpen((open) => !open)}>
          <span aria-hidden="true">☰</span> {t('app.menu')}
        </button>
        <div id="site-menu" className={menuOpen ? 'site-menu open' : 'site-menu'}>
          <nav aria-label={t('app.mainNav')}>
            <ul>
              <li>
                <NavLink to="/">{t('nav.home')}</NavLink>
              </li>
              <li>
                <NavLink to="/khoa-hoc">{t('nav.catalogue')}</NavLink>
              </li>
              {me ? (
                <>
                  <li>
                    <NavLink to="/hoc-tap">{t('nav.myLearning')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/tu-danh-gia">{t('nav.selfAssessment')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/chung-nhan">{t('nav.records')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/gia-dinh-so">{t('nav.households')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/dai-su-so">{t('nav.ambassadors')}</NavLink>
                  </li>
                  <li>
                    <Suspense fallback={<NavLink to="/thong-bao">{t('notifications.title')}</NavLink>}>
                      <NotificationBell />
                    </Suspense>
                  </li>
                  <li>
                    <NavLink to="/ho-so">{t('nav.profile')}</NavLink>
                  </li>
                  {team && (
                    <li>
                      <NavLink to="/to-cong-nghe-so">{t('nav.communityTeam')}</NavLink>
                    </li>
                  )}
                  {me.role !== 'learner' && (
                    <>
                      <li>
                        <NavLink to="/lop-hoc">{t('nav.classes')}</NavLink>
                      </li>
                      <li>
                        <NavLink to="/soan-bai">{t('nav.studio')}</NavLink>
                      </li>
                    </>
                  )}
                  {me.role === 'admin' && (
                    <>
                      <li>
                        <NavLink to="/quan-tri/nguoi-dung">{t('nav.adminUsers')}</NavLink>
                      </li>
                      <li>
                        <NavLink to="/quan-tri/ho-so-xac-nhan">{t('nav.adminRecords')}</NavLink>
                      </li>
                      <li>
                        <NavLink to="/quan-tri/bao-cao">{t('nav.adminReporting')}</NavLink>
                      </li>
                      <li>
                        <NavLink to="/quan-tri/tro-ly">{t('nav.adminAssistant')}</NavLink>
                      </li>
                    </>
                  )}
                  <li>
                    {/* The page shown decides: one that needs an account sends to the sign-in page, a public one stays. */}
                    <button type="button" className="link-button" onClick={() => logout.mutate()}>
                      {t('nav.logout')}
                    </button>
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <NavLink to="/dang-nhap">{t('nav.login')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/dang-ky">{t('nav.register')}</NavLink>
                  </li>
                </>
              )}
            </ul>
          </nav>
          <div className="lang" role="group" aria-label={t('app.language')}>
            {LANGUAGES.map((lng) => (
              <button key={lng} type="button" className="link-button" lang={lng} aria-pressed={i18n.language === lng} onClick={() => void changeLanguage(lng)}>
                {lng === 'vi' ? 'Tiếng Việt' : 'English'}
              </button>
            ))}
          </div>
          <TextSizeControl />
        </div>
      </header>
      <ConnectionBanner />
      {me && <AssistedBar />}
      <main id="main" ref={main} tabIndex={-1}>
        {/* A page's error shows inside the layout, so the header and its ways back stay. */}
        <RouteErrorBoundary resetKey={location.key}>
          <Suspense fallback={<Spinner />}>
            <Outlet />
          </Suspense>
        </RouteErrorBoundary>
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}
