import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../../components/ui/feedback';
import { membershipQuery } from '../../features/community/api';
import { RegisterResidentForm } from '../../features/community/register-resident-form';
import { ResidentsList } from '../../features/community/residents-list';
import { VisitLog } from '../../features/community/visit-log';
import { RequireAuth } from '../require-auth';
import { usePageTitle } from './use-page-title';

/** The community digital technology team member's phone: register residents, learn together, log visits. */
export default function CommunityTeamPage() {
  const { t } = useTranslation();
  const membership = useQuery(membershipQuery());
  usePageTitle(t('community.title'));
  return (
    <RequireAuth>
      {() => (
        <div className="narrow">
          <h1 tabIndex={-1}>{t('community.title')}</h1>
          {membership.isPending && <Spinner />}
          {membership.data === null && <p>{t('community.notMember')}</p>}
          {membership.data && (
            <>
              <section aria-labelledby="residents">
                <h2 id="residents">{t('community.residents')}</h2>
                <ResidentsList />
              </section>
              <section aria-labelledby="register-resident">
                <h2 id="register-resident">{t('community.registerTitle')}</h2>
                <RegisterResidentForm />
              </section>
              <section aria-labelledby="visits">
                <h2 id="visits">{t('community.visitsTitle')}</h2>
                <VisitLog />
              </section>
            </>
          )}
        </div>
      )}
    </RequireAuth>
  );
}
