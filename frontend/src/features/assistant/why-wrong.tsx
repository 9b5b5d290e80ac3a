import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Alert } from '../../components/ui/feedback';
import { generalMessage } from '../../lib/form-errors';
import { citationPath, whyWrongQuery } from './api';

/** "Vì sao sai?" under a submitted attempt: each wrong item's explanation and the lesson passage it comes from. */
export function WhyWrong({ attemptId }: { attemptId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const help = useQuery({ ...whyWrongQuery(attemptId), enabled: open });
  return (
    <section className="why-wrong" aria-labelledby="why-wrong-title">
      <h2 id="why-wrong-title">{t('assistant.whyWrong')}</h2>
      {!open ? (
        <button type="button" className="button" onClick={() => setOpen(true)}>
          {t('assistant.whyWrongShow')}
        </button>
      ) : help.isError ? (
        <Alert kind="error">{generalMessage(t, help.error)}</Alert>
      ) : help.data?.length === 0 ? (
        <p>{t('assistant.allRight')}</p>
      ) : (
        <ol aria-busy={help.isPending}>
          {help.data?.map((w) => (
            <li key={w.questionId}>
              <p>
                <strong>{w.prompt}</strong>
              </p>
              <p>{w.explanation}</p>
              {w.passage && (
                <p className="meta">
                  {t('assistant.fromLesson')} <Link to={citationPath(w.passage)}>{w.passage.lessonTitle} › {w.passage.heading}</Link>
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
