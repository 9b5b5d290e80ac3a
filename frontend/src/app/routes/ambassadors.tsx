import '../../lib/i18n-together';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { AmbassadorPanel } from '../../features/ambassadors/ambassador-panel';
import { MentorshipPanel } from '../../features/ambassadors/mentorship-panel';
import { RequireAuth } from '../require-auth';
import { usePageTitle } from './use-page-title';

/** Both sides of the digital ambassadors: the person guiding others, and the person being guided. */
export default function AmbassadorsPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  usePageTitle(t('ambassadors.title'));
  const mentorship = (
    <section aria-labelledby="my-ambassador" key="mentorship">
      <h2 id="my-ambassador">{t('ambassadors.myAmbassador')}</h2>
      <MentorshipPanel />
    </section>
  );
  const ambassador = (
    <section aria-labelledby="as-ambassador" key="ambassador">
      <h2 id="as-ambassador">{t('ambassadors.asAmbassador')}</h2>
      <AmbassadorPanel />
    </section>
  );
  return (
    <RequireAuth>
      {() => (
        <div className="narrow">
          <h1 tabIndex={-1}>{t('ambassadors.title')}</h1>
          {/* Arriving from an ambassador's link: joining comes first. */}
          {params.get('ma') ? [mentorship, ambassador] : [ambassador, mentorship]}
        </div>
      )}
    </RequireAuth>
  );
}
