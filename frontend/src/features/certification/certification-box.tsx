import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Alert, Spinner } from '../../components/ui/feedback';
import { formatDay } from '../../lib/i18n';
import { generalMessage } from '../../lib/form-errors';
import { coursePath } from '../learning/paths';
import { certificationQuery, type CompletionRecord, downloadCredential, myRecordsQuery, pdfUrl, type Shortfall, useClaim, verifyPath } from './api';

/**
 * Where the learner stands on the completion record: the record with its downloads, or what is still
 * missing in plain sentences. When nothing is missing but no record exists yet (the job that issues it
 * after a hand-in has not run, or a required course was finished since), the page asks for it itself:
 * the claim is idempotent and issues at once.
 */
export function CertificationBox({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const query = useQuery(certificationQuery());
  const claim = useClaim();
  const status = query.data;
  const eligible = Boolean(status && !status.record && status.shortfalls.length === 0);
  const { mutate, isIdle } = claim;
  useEffect(() => {
    if (eligible && isIdle) mutate();
  }, [eligible, isIdle, mutate]);
  const Heading = `h${headingLevel}` as const;
  // Asking again helps once there is an assessment (e.g. a required course finished since).
  const canClaim = Boolean(status && !status.record && !eligible && !status.shortfalls.some((s) => s.code === 'NO_POLICY' || s.code === 'NO_ASSESSMENT'));

  return (
    <section className="cert-box" aria-labelledby="cert-box-title">
      <Heading id="cert-box-title">{t('cert.boxTitle')}</Heading>
      <div aria-live="polite">
        {query.isPending ? (
          <Spinner />
        ) : query.isError ? (
          <Alert kind="error">{generalMessage(t, query.error)}</Alert>
        ) : status!.record ? (
          <RecordSummary record={status!.record} />
        ) : eligible && !claim.isError ? (
          <p className="loading">{t('cert.issuing')}</p>
        ) : (
          <>
            <p>{t('cert.notYet')}</p>
            <Shortfalls items={status!.shortfalls} />
          </>
        )}
      </div>
      {claim.isError && <Alert kind="error">{generalMessage(t, claim.error)}</Alert>}
      {canClaim && (
        <p className="actions">
          <button type="button" className="button" disabled={claim.isPending} onClick={() => claim.mutate()}>
            {t('cert.checkAgain')}
          </button>
        </p>
      )}
    </section>
  );
}

/** The issued record: code, date, and what can be done with it. */
export function RecordSummary({ record }: { record: CompletionRecord }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Alert kind="success">
        <p>
          <strong>{t('cert.issued')}</strong>
        </p>
        <p>
          {t('cert.code')}: <strong className="record-code">{record.code}</strong>
          <br />
          {t('cert.issuedAt', { date: formatDay(record.issuedAt, i18n.language) })}
          <br />
          {t('cert.levelReached', { level: record.overallLevelName, score: record.overallScore })}
          {record.identityVerifiedBy && (
            <>
              <br />
              {t('identity.verifiedBy', { provider: record.identityVerifiedBy })}
            </>
          )}
        </p>
      </Alert>
      <RecordActions record={record} />
    </>
  );
}

/** PDF (polled while it is being made) and the signed credential of a valid record; the public verification page of any. */
export function RecordActions({ record }: { record: CompletionRecord }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const records = useQuery({
    ...myRecordsQuery(),
    enabled: record.pdfStatus === 'pending',
    refetchInterval: (q) => (q.state.data?.find((r) => r.id === record.id)?.pdfStatus === 'pending' ? 2000 : false),
  });
  const pdfStatus = records.data?.find((r) => r.id === record.id)?.pdfStatus ?? record.pdfStatus;
  return (
    <>
      <ul className="record-actions">
        {record.status === 'valid' && (
          <li aria-live="polite">
            {pdfStatus === 'ready' ? (
              <a className="button primary" href={pdfUrl(record.id)} download>
                {t('cert.downloadPdf')}
              </a>
            ) : pdfStatus === 'pending' ? (
              <span className="loading">{t('cert.pdfPending')}</span>
            ) : (
              <span>{t('cert.pdfFailed')}</span>
            )}
          </li>
        )}
        <li>
          <Link className="button" to={verifyPath(record.code)}>
            {t('cert.viewVerification')}
          </Link>
        </li>
      </ul>
      {/* Technical details, in plain sight only for those who need them. */}
      <details className="for-verifiers">
        <summary>{t('cert.forVerifiers')}</summary>
        <p>{t('cert.frameworkVersion', { version: record.frameworkVersion })}</p>
        {record.status === 'valid' && (
          <>
            <p className="hint">{t('cert.credentialExplain')}</p>
            <p>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setError(null);
                  downloadCredential(record).catch(setError);
                }}
              >
                {t('cert.downloadCredential')}
              </button>
            </p>
          </>
        )}
      </details>
      {error !== null && <Alert kind="error">{generalMessage(t, error)}</Alert>}
    </>
  );
}

/** What is still missing, one plain sentence each. */
export function Shortfalls({ items }: { items: Shortfall[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <ul className="shortfalls">
      {items.map((s, i) => (
        <li key={`${s.code}-${s.domain ?? s.competency ?? i}`}>
          {s.code === 'COURSES_MISSING' ? (
            <>
              {t('cert.shortfall.COURSES_MISSING')} <CourseLinks courses={s.courses ?? []} />
            </>
          ) : (
            t(`cert.shortfall.${s.code}`, {
              score: s.score,
              min: s.min,
              domain: s.domainName ?? s.domain,
              competency: s.competencyName ?? s.competency,
              level: s.levelName,
              minLevel: s.minLevelName,
            })
          )}
        </li>
      ))}
    </ul>
  );
}

function CourseLinks({ courses }: { courses: { slug: string; title: string }[] }) {
  return (
    <>
      {courses.map((c, i) => (
        <span key={c.slug}>
          {i > 0 && ', '}
          <Link to={coursePath(c.slug)}>{c.title}</Link>
        </span>
      ))}
    </>
  );
}
