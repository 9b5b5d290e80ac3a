import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, Spinner } from '../../components/ui/feedback';
import type { TFunction } from 'i18next';
import { ApiRequestError } from '../../lib/api-client';
import { generalMessage } from '../../lib/form-errors';
import { formatDate } from '../../lib/i18n';
import { CertificationBox } from '../certification/certification-box';
import { formatDuration, useCountdown } from '../learning/quiz-overview';
import { assessmentOverviewQuery, assessmentPath, type AssessmentOverview, useStartAssessment } from './api';
import { QueryError } from '../../components/connection/query-error';
import './strings';

/** Groups competencies by domain, keeping the order given. */
export function byDomain<T extends { domainCode: string; domainName: string }>(items: T[]): { code: string; name: string; items: T[] }[] {
  const groups: { code: string; name: string; items: T[] }[] = [];
  for (const item of items) {
    const group = groups.find((g) => g.code === item.domainCode);
    if (group) group.items.push(item);
    else groups.push({ code: item.domainCode, name: item.domainName, items: [item] });
  }
  return groups;
}

/** What the self-assessment is, the learner's group and competencies, past attempts, the record, and the start button. */
export function AssessmentHome() {
  const { t } = useTranslation();
  const query = useQuery(assessmentOverviewQuery());
  if (query.isPending) return <Spinner />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const o = query.data;
  const questionCount = o.competencies.length * o.rules.questionsPerCompetency;
  return (
    <>
      <p className="lead">{t('assessment.intro')}</p>
      <ul className="points">
        <li>{t('assessment.duration')}</li>
        <li>{t('assessment.part1', { count: o.competencies.length })}</li>
        <li>{t('assessment.part2', { count: questionCount })}</li>
        <li>{o.rules.timeLimitMinutes ? t('assessment.timeLimit', { minutes: o.rules.timeLimitMinutes }) : t('assessment.noTimeLimit')}</li>
      </ul>
      <p>{t('assessment.honest')}</p>
      <StartButton overview={o} />

      <h2>{t('assessment.yourGroup')}</h2>
      <p>
        {t('assessment.groupIs', { group: o.targetGroupName })} <span className="meta">{t('assessment.framework', { title: o.frameworkTitle, version: o.frameworkVersion })}</span>
      </p>
      <details className="competency-list">
        <summary>{t('assessment.competencies', { count: o.competencies.length })}</summary>
        {byDomain(o.competencies).map((d) => (
          <div key={d.code}>
            <h3>{d.name}</h3>
            <ul>
              {d.items.map((c) => (
                <li key={c.code}>
                  {c.name} <span className="meta">({t('assessment.minLevel', { level: c.minLevelName })})</span>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </details>

      {o.attempts.length > 0 && <PastAttempts overview={o} />}
      <CertificationBox />
    </>
  );
}

function StartButton({ overview: o }: { overview: AssessmentOverview }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const start = useStartAssessment();
  const open = o.attempts.find((a) => a.status === 'in_progress');
  const waitSeconds = useCountdown(open ? null : o.nextAttemptAt, o.serverNow);
  const exhausted = !open && o.attemptsLeft === 0;
  const submitted = o.attempts.some((a) => a.status === 'submitted');
  return (
    <>
      {waitSeconds > 0 && (
        // A long wait reads better as a time of day than as a countdown.
        <Alert kind="info">
          {waitSeconds >= 3600 ? t('assessment.cooldownUntil', { date: formatDate(o.nextAttemptAt!, i18n.language) }) : t('assessment.wait', { time: formatDuration(waitSeconds) })}
        </Alert>
      )}
      {exhausted && <Alert kind="info">{t('assessment.exhausted')}</Alert>}
      {o.rules.maxAttempts !== null && !exhausted && <p className="meta">{t('assessment.attemptsLeft', { left: o.attemptsLeft, max: o.rules.maxAttempts })}</p>}
      {start.isError && <Alert kind="error">{startError(t, i18n.language, start.error)}</Alert>}
      <p className="actions">
        <button
          type="button"
          className="button primary"
          disabled={start.isPending || exhausted || waitSeconds > 0}
          onClick={() => start.mutate(undefined, { onSuccess: (a) => navigate(assessmentPath(a.id)) })}
        >
          {t(open ? 'assessment.continue' : submitted ? 'assessment.retake' : 'assessment.start')}
        </button>
      </p>
    </>
  );
}

function PastAttempts({ overview: o }: { overview: AssessmentOverview }) {
  const { t, i18n } = useTranslation();
  // The summary carries the level number only; the names are the framework's (API change worth having: overallLevelName).
  return (
    <>
      <h2>{t('assessment.pastAttempts')}</h2>
      <ol className="attempt-list">
        {o.attempts.map((a) => (
          <li key={a.id}>
            <Link to={assessmentPath(a.id)}>
              {a.status === 'submitted'
                ? t('assessment.attemptDone', { number: a.number, date: formatDate(a.submittedAt!, i18n.language) })
                : t('assessment.attemptOpen', { number: a.number })}
            </Link>
            {a.status === 'submitted' && (
              <>
                {' — '}
                <strong>{t('assessment.attemptScore', { score: a.overallScore, level: a.overallLevelName ?? '' })}</strong>
                {a.late && <span className="meta"> ({t('assessment.late')})</span>}
              </>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

/** The cooldown says until when (the phone's clock may have let the button through early). */
function startError(t: TFunction, lng: string, error: unknown): string {
  if (error instanceof ApiRequestError && error.body.code === 'ASSESSMENT_COOLDOWN' && error.body.details && !Array.isArray(error.body.details)) {
    const retryAt = error.body.details.retryAt;
    if (typeof retryAt === 'string') return t('assessment.cooldownUntil', { date: formatDate(retryAt, lng) });
  }
  return generalMessage(t, error);
}
