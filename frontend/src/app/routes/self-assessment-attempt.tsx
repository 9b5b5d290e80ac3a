import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { Alert, Spinner } from '../../components/ui/feedback';
import { assessmentAttemptQuery } from '../../features/assessment/api';
import { AssessmentResultView } from '../../features/assessment/assessment-result';
import { AssessmentRunner } from '../../features/assessment/assessment-runner';
import { generalMessage } from '../../lib/form-errors';
import { RequireAuth } from '../require-auth';
import { usePageTitle } from './use-page-title';
import '../../features/assessment/strings';

function Attempt({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useQuery(assessmentAttemptQuery(id));
  const a = query.data;
  const submitted = a?.status === 'submitted';
  const title = a ? t(submitted ? 'assessment.resultTitle' : 'assessment.attemptTitle', { number: a.number }) : t('app.loading');
  usePageTitle(title);
  const heading = useRef<HTMLHeadingElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    // Handed in on this page: the result replaces the form, so start reading from the top again.
    if (a && !submitted) wasOpen.current = true;
    if (submitted && wasOpen.current) {
      wasOpen.current = false;
      window.scrollTo(0, 0);
      heading.current?.focus();
    }
  }, [a, submitted]);
  return (
    <section>
      <h1 tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {query.isPending ? (
        <Spinner />
      ) : query.isError ? (
        <Alert kind="error">{generalMessage(t, query.error)}</Alert>
      ) : submitted ? (
        <AssessmentResultView attempt={a} />
      ) : (
        <AssessmentRunner attempt={a!} />
      )}
    </section>
  );
}

export default function SelfAssessmentAttemptPage() {
  const { id = '' } = useParams();
  return <RequireAuth>{() => <Attempt key={id} id={id} />}</RequireAuth>;
}
