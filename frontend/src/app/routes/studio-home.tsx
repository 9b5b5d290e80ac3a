import { useStudioT } from '../../features/studio/i18n';
import { StudioHome } from '../../features/studio/studio-home';
import { StudioGate } from './studio-gate';
import { usePageTitle } from './use-page-title';

/** /soan-bai: the authoring studio's first page. */
export default function StudioHomePage() {
  const { t } = useStudioT();
  usePageTitle(t('home.title'));
  return (
    <section>
      <h1 tabIndex={-1}>{t('home.title')}</h1>
      <StudioGate>{() => <StudioHome />}</StudioGate>
    </section>
  );
}
