import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePageTitle } from './use-page-title';

export default function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('errors.notFound'));
  return (
    <section>
      <h1 tabIndex={-1}>{t('errors.notFound')}</h1>
      <Link to="/">{t('nav.home')}</Link>
    </section>
  );
}
