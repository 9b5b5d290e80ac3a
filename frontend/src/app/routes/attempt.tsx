import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { Alert, Spinner } from '../../components/ui/feedback';
import { attemptQuery } from '../../features/learning/api';
import { AttemptResults } from '../../features/learning/attempt-results';
import { WhyWrong } from '../../features/assistant/why-wrong';
import { AttemptRunner } from '../../features/learning/attempt-runner';
import { generalMessage } from '../../lib/form-errors';
import { RequireAuth } from '../require-auth';
import { usePageTitle } from './use-page-title';

function Attempt({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useQuery(attemptQuery(id));
  const a = query.data;
  const title = a ? t(a.status === 'submitted' ? 'quiz.resultTitle' : 'quiz.attemptTitle', { title: a.quiz.title, number: a.number }) : t('app.loading');
  usePageTitle(title);
  return (
    <section>
      <h1 tabIndex={-1}>{title}</h1>
      {query.isPending ? (
        <Spinner />
      ) : query.isError ? (
        <Alert kind="error">{generalMessage(t, query.error)}</Alert>
      ) : a!.status === 'submitted' ? (
        <>
          <AttemptResults attempt={a!} />
          <WhyWrong attemptId={a!.id} />
        </>
      ) : (
        <AttemptRunner attempt={a!} />
      )}
    </section>
  );
}

export default function AttemptPage() {
  const { id = '' } = useParams();
  return <RequireAuth>{() => <Attempt key={id} id={id} />}</RequireAuth>;
}
