import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Spinner } from '../../components/ui/feedback';
import { myRecordsQuery } from '../../features/certification/api';
import { RecordActions } from '../../features/certification/certification-box';
import { formatDay } from '../../lib/i18n';
import { RequireAuth } from '../require-auth';
import { usePageTitle } from './use-page-title';
import { QueryError } from '../../components/connection/query-error';

function Records() {
  const { t, i18n } = useTranslation();
  const query = useQuery({ ...myRecordsQuery(), refetchInterval: (q) => (q.state.data?.some((r) => r.pdfStatus === 'pending') ? 2000 : false) });
  if (query.isPending) return <Spinner />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.length === 0) {
    return (
      <p>
        {t('records.none')} <Link to="/tu-danh-gia">{t('records.goAssess')}</Link>
      </p>
    );
  }
  return (
    <ul className="record-list">
      {query.data.map((r) => (
        <li key={r.id} className={`record-card ${r.status}`}>
          <h2>{t('cert.boxTitle')}</h2>
          <p className={`record-status ${r.status}`}>
            <strong>
              {r.status === 'valid' ? `✓ ${t('records.valid')}` : `✗ ${t('records.revoked', { date: formatDay(r.revokedAt!, i18n.language) })}`}
            </strong>
          </p>
          {r.status === 'revoked' && r.revokedReason && <p>{t('records.reason', { reason: r.revokedReason })}</p>}
          <dl className="details">
            <div>
              <dt>{t('cert.code')}</dt>
              <dd className="record-code">{r.code}</dd>
            </div>
            <div>
              <dt>{t('records.issued')}</dt>
              <dd>{formatDay(r.issuedAt, i18n.language)}</dd>
            </div>
            <div>
              <dt>{t('records.group')}</dt>
              <dd>{r.targetGroupName}</dd>
            </div>
            <div>
              <dt>{t('verify.framework')}</dt>
              <dd>
                {r.frameworkTitle}
              </dd>
            </div>
            <div>
              <dt>{t('records.level')}</dt>
              <dd>
                {r.overallLevelName} ({r.overallScore}/100)
              </dd>
            </div>
          </dl>
          <details>
            <summary>{t('records.competencies', { count: r.competencies.length })}</summary>
            <ul>
              {r.competencies.map((c) => (
                <li key={c.code}>
                  {c.name}: <strong>{c.levelName}</strong>
                </li>
              ))}
            </ul>
          </details>
          <RecordActions record={r} />
        </li>
      ))}
    </ul>
  );
}

export default function RecordsPage() {
  const { t } = useTranslation();
  usePageTitle(t('records.title'));
  return (
    <RequireAuth>
      {() => (
        <section>
          <h1 tabIndex={-1}>{t('records.title')}</h1>
          <p>{t('records.intro')}</p>
          <Records />
        </section>
      )}
    </RequireAuth>
  );
}
