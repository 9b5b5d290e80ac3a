import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { LessonPlayer } from '../../features/learning/lesson-player';
import { RequireAuth } from '../require-auth';
import { usePageTitle } from './use-page-title';

export default function LessonPage() {
  const { t } = useTranslation();
  const { slug = '', lesson = '' } = useParams();
  const [title, setTitle] = useState('');
  usePageTitle(title || t('app.loading'));
  return (
    <RequireAuth>
      {() => (
        <article className="lesson">
          <h1 tabIndex={-1}>{title || t('app.loading')}</h1>
          <LessonPlayer key={`${slug}/${lesson}`} slug={slug} lesson={lesson} onTitle={setTitle} />
        </article>
      )}
    </RequireAuth>
  );
}
