import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { QuizOverview } from '../../features/learning/quiz-overview';
import { RequireAuth } from '../require-auth';
import { usePageTitle } from './use-page-title';

export default function QuizPage() {
  const { t } = useTranslation();
  const { slug = '', quiz = '' } = useParams();
  const [title, setTitle] = useState('');
  usePageTitle(title || t('app.loading'));
  return (
    <RequireAuth>
      {() => (
        <section>
          <h1 tabIndex={-1}>{title || t('app.loading')}</h1>
          <QuizOverview slug={slug} quiz={quiz} onTitle={setTitle} />
        </section>
      )}
    </RequireAuth>
  );
}
