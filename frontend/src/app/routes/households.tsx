import '../../lib/i18n-together';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Spinner } from '../../components/ui/feedback';
import { myHouseholdQuery } from '../../features/households/api';
import { HouseholdStart, InvitationsToMe } from '../../features/households/household-start';
import { HouseholdView } from '../../features/households/household-view';
import { generalMessage } from '../../lib/form-errors';
import { RequireAuth } from '../require-auth';
import { usePageTitle } from './use-page-title';

/** "Gia đình số": the person's household, or the ways to join or form one. */
export default function HouseholdsPage() {
  const { t } = useTranslation();
  usePageTitle(t('households.title'));
  return (
    <RequireAuth>
      {() => (
        <div className="narrow">
          <h1 tabIndex={-1}>{t('households.title')}</h1>
          <Household />
        </div>
      )}
    </RequireAuth>
  );
}

function Household() {
  const { t } = useTranslation();
  const mine = useQuery(myHouseholdQuery());
  if (mine.isPending) return <Spinner />;
  if (mine.isError) return <Alert kind="error">{generalMessage(t, mine.error)}</Alert>;
  return (
    <>
      {!mine.data.household && <InvitationsToMe invitations={mine.data.invitations} />}
      {mine.data.household ? <HouseholdView household={mine.data.household} /> : <HouseholdStart />}
    </>
  );
}
