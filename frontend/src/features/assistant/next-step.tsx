import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Alert } from '../../components/ui/feedback';
import { generalMessage } from '../../lib/form-errors';
import { nextStepQuery } from './api';

/** "Học gì tiếp theo?": asked on demand, answered with one step and the sentence saying why. */
export function NextStepBox() {
  const { t } = useTranslation();
  const [asked, setAsked] = useState(false);
  const step = useQuery({ ...nextStepQuery(), enabled: asked });
  const s = step.data;
  const to = !s
    ? null
    : s.kind === 'self_assessment'
      ? '/tu-danh-gia'
      : s.lessonSlug && s.courseSlug
        ? `/khoa-hoc/${s.courseSlug}/bai/${s.lessonSlug}`
        : s.courseSlug
          ? `/khoa-hoc/${s.courseSlug}`
          : null;
  return (
    <div className="next-step">
      <p className="actions">
        <button type="button" className="button" aria-expanded={asked} onClick={() => setAsked(true)}>
          {t('assistant.nextStep')}
        </button>
      </p>
      <div aria-live="polite">
        {step.isError && <Alert kind="error">{generalMessage(t, step.error)}</Alert>}
        {s && (
          <p>
            {s.why}{' '}
            {to && (
              <Link to={to}>
                {s.kind === 'self_assessment' ? t('assistant.takeSelfAssessment') : t('assistant.openStep', { title: s.lessonTitle ?? s.courseTitle })}
              </Link>
            )}
          </p>
        )}
        {s?.local && <p>{s.local.sentence}</p>}
      </div>
    </div>
  );
}
