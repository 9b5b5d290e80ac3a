import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { QueryError } from '../../components/connection/query-error';
import { Spinner } from '../../components/ui/feedback';
import { attemptQuery } from '../../features/learning/api';
import { AttemptResults } from '../../features/learning/attempt-results';
import { WhyWrong } from '../../features/assistant/why-wrong';
import { AttemptRunner } from '../../features/learning/attempt-runner';
import { RequireAuth } from '../require-auth';
import { usePageTitle } from './use-page-title';

function Attempt({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useQuery(attemptQuery(id));
  const a = query.data;
  const title = a ? t(a.status === 'submitted' ? 'quiz.resultTitle' : 'quiz.attemptTitle', { title: a.quiz.title, number: a.number }) : t('app.loading');
  usePageTitle(title);
  const heading = useRef<HTMLHeadingElement>(null);
  const status = useRef(a?.status);
  // Handed in: the result heading takes focus and comes into view (the button pressed was at the bottom).
  useEffect(() => {
    if (status.current === 'in_progress' && a?.status === 'submitted') {
      heading.current?.focus();
      heading.current?.scrollIntoView({ block: 'start' });
    }
    status.current = a?.status;
  }, [a?.status]);
  return (
    <section>
      <h1 tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {query.isPending ? (
        <Spinner />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
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
