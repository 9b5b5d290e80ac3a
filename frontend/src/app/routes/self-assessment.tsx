import { useTranslation } from 'react-i18next';
import { AssessmentHome } from '../../features/assessment/assessment-home';
import { RequireAuth } from '../require-auth';
import { usePageTitle } from './use-page-title';
import '../../features/assessment/strings';

export default function SelfAssessmentPage() {
  const { t } = useTranslation();
  usePageTitle(t('assessment.title'));
  return (
    <RequireAuth>
      {() => (
        <section>
          <h1 tabIndex={-1}>{t('assessment.title')}</h1>
          <AssessmentHome />
        </section>
      )}
    </RequireAuth>
  );
}
