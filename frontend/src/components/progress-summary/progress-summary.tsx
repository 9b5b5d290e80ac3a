import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../lib/api-client';

type Summary = Pick<Schemas['MenteeDto'], 'coursesEnrolled' | 'coursesCompleted' | 'lessonsCompleted' | 'holdsRecord' | 'lastActiveAt' | 'nextStep'>;

/** What a person shares with their ambassador or household: courses, lessons, the record, the next step. */
export function ProgressSummary({ summary }: { summary: Summary }) {
  const { t, i18n } = useTranslation();
  const step = summary.nextStep;
  const next = !step
    ? t('progressSummary.allDone')
    : step.kind === 'lesson' || step.kind === 'quiz'
      ? t(`progressSummary.next.${step.kind}`, { title: step.title, course: step.courseTitle })
      : t(`progressSummary.next.${step.kind}`);
  return (
    <ul className="progress-summary">
      <li>{t('progressSummary.courses', { completed: summary.coursesCompleted, enrolled: summary.coursesEnrolled, lessons: summary.lessonsCompleted })}</li>
      <li>{summary.holdsRecord ? <strong className="verified">{t('progressSummary.holdsRecord')}</strong> : t('progressSummary.noRecord')}</li>
      <li>
        {summary.lastActiveAt
          ? t('progressSummary.lastActive', { date: new Date(summary.lastActiveAt).toLocaleDateString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB') })
          : t('progressSummary.neverActive')}
      </li>
      <li>{next}</li>
    </ul>
  );
}
