import { usePrefetchQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { AssistantPanel } from '../../features/assistant/assistant-panel';
import { lessonQuery } from '../../features/learning/api';
import { LessonPlayer } from '../../features/learning/lesson-player';
import { RequireAuth } from '../require-auth';
import { usePageTitle } from './use-page-title';

export default function LessonPage() {
  const { t } = useTranslation();
  const { slug = '', lesson = '' } = useParams();
  const [title, setTitle] = useState('');
  // Asked for alongside "who is signed in", not after it: one round trip less before the lesson shows.
  usePrefetchQuery(lessonQuery(slug, lesson));
  usePageTitle(title || t('app.loading'));
  return (
    <RequireAuth>
      {() => (
        <article className="lesson">
          <h1 tabIndex={-1}>{title || t('app.loading')}</h1>
          <LessonPlayer key={`${slug}/${lesson}`} slug={slug} lesson={lesson} onTitle={setTitle} />
          {/* Once the lesson is shown (it has its title): the lesson arriving above would push it down. */}
          {title && (
            <details className="assistant-box">
              <summary>{t('assistant.askAboutLesson')}</summary>
              <AssistantPanel headingLevel={2} />
            </details>
          )}
        </article>
      )}
    </RequireAuth>
  );
}
