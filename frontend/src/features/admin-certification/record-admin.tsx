import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Alert, Spinner } from '../../components/ui/feedback';
import { SelectField, TextField } from '../../components/ui/fields';
import { ApiRequestError } from '../../lib/api-client';
import { generalMessage } from '../../lib/form-errors';
import { formatDay } from '../../lib/i18n';
import { verifyPath } from '../certification/api';
import { type AdminRecord, adminRecordsQuery, type RecordFilters, useRecordAction } from './api';
import { Pager } from '../../components/ui/pager';

const PAGE_SIZE = 20;

/** Records in the administrator's scope (the server enforces it), with revoke and reissue, each with a reason. */
export function RecordAdmin() {
  const { t, i18n } = useTranslation();
  const [code, setCode] = useState('');
  const [filters, setFilters] = useState<RecordFilters>({ page: 1, pageSize: PAGE_SIZE });
  const [acting, setActing] = useState<{ record: AdminRecord; action: 'revoke' | 'reissue' } | null>(null);
  const [done, setDone] = useState('');
  const records = useQuery(adminRecordsQuery(filters));
  const total = records.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = filters.page ?? 1;

  const search = (e: FormEvent) => {
    e.preventDefault();
    setFilters((f) => ({ ...f, code: code.trim() || undefined, page: 1 }));
  };

  return (
    <>
      <form role="search" onSubmit={search} className="filters">
        <TextField label={t('adminRecords.code')} name="code" type="search" autoComplete="off" value={code} onChange={(e) => setCode(e.target.value)} />
        <SelectField
          label={t('adminRecords.status')}
          name="status"
          value={filters.status ?? ''}
          onChange={(e) => setFilters((f) => ({ ...f, status: (e.target.value || undefined) as RecordFilters['status'], page: 1 }))}
        >
          <option value="">{t('adminRecords.all')}</option>
          <option value="valid">{t('records.valid')}</option>
          <option value="revoked">{t('adminRecords.revokedShort')}</option>
        </SelectField>
        <button type="submit" className="button">
          {t('admin.searchButton')}
        </button>
      </form>
      {done && <Alert kind="success">{done}</Alert>}
      {acting && (
        <ReasonForm
          key={`${acting.record.id}-${acting.action}`}
          record={acting.record}
          action={acting.action}
          onCancel={() => setActing(null)}
          onDone={(message) => {
            setActing(null);
            setDone(message);
          }}
        />
      )}
      {records.isPending && <Spinner />}
      {records.isError && <Alert kind="error">{generalMessage(t, records.error)}</Alert>}
      {records.data && (
        <>
          <p role="status">{t('adminRecords.results', { count: total })}</p>
          {total > 0 && (
            <table className="stack-table">
              <caption className="visually-hidden">{t('adminRecords.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('adminRecords.colCode')}</th>
                  <th scope="col">{t('adminRecords.colHolder')}</th>
                  <th scope="col">{t('adminRecords.colGroup')}</th>
                  <th scope="col">{t('adminRecords.colIssued')}</th>
                  <th scope="col">{t('adminRecords.colStatus')}</th>
                  <th scope="col">{t('adminRecords.colActions')}</th>
                </tr>
              </thead>
              <tbody>
                {records.data.items.map((r) => (
                  <tr key={r.id}>
                    <th scope="row" data-label={t('adminRecords.colCode')}>
                      <Link className="record-code" to={verifyPath(r.code)}>
                        {r.code}
                      </Link>
                    </th>
                    <td data-label={t('adminRecords.colHolder')}>{r.holderName ?? '—'}</td>
                    <td data-label={t('adminRecords.colGroup')}>{r.targetGroupName}</td>
                    <td data-label={t('adminRecords.colIssued')}>{formatDay(r.issuedAt, i18n.language)}</td>
                    <td data-label={t('adminRecords.colStatus')}>
                      {r.status === 'valid' ? t('records.valid') : t('records.revoked', { date: formatDay(r.revokedAt!, i18n.language) })}
                      {r.revokedReason && <span className="meta"> — {r.revokedReason}</span>}
                    </td>
                    <td data-label={t('adminRecords.colActions')}>
                      {r.status === 'valid' ? (
                        <span className="row-actions">
                          <button type="button" className="button small danger" onClick={() => { setDone(''); setActing({ record: r, action: 'revoke' }); }} aria-label={t('adminRecords.revokeCode', { code: r.code })}>
                            {t('adminRecords.revoke')}
                          </button>
                          <button type="button" className="button small" onClick={() => { setDone(''); setActing({ record: r, action: 'reissue' }); }} aria-label={t('adminRecords.reissueCode', { code: r.code })}>
                            {t('adminRecords.reissue')}
                          </button>
                        </span>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pager page={page} pages={pages} onPage={(p) => setFilters((f) => ({ ...f, page: p }))} />
        </>
      )}
    </>
  );
}

/** Revoking or reissuing asks for a reason (5–500 characters), which the audit log and the holder see. */
function ReasonForm({ record, action, onCancel, onDone }: { record: AdminRecord; action: 'revoke' | 'reissue'; onCancel: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const mutation = useRecordAction();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const text = reason.trim();
    if (text.length < 5 || text.length > 500) {
      setError(t('adminRecords.reasonInvalid'));
      document.getElementById('reason')?.focus();
      return;
    }
    setError('');
    mutation.mutate(
      { id: record.id, action, reason: text },
      {
        onSuccess: (result) => onDone(action === 'revoke' ? t('adminRecords.revoked', { code: record.code }) : t('adminRecords.reissued', { code: record.code, newCode: result.code })),
        onError: (err) => {
          if (err instanceof ApiRequestError && err.fieldErrors().some((f) => f.field === 'reason')) setError(t('adminRecords.reasonInvalid'));
        },
      },
    );
  };
  const apiError = mutation.error instanceof ApiRequestError && mutation.error.fieldErrors().some((f) => f.field === 'reason') ? null : mutation.error;

  return (
    <form onSubmit={onSubmit} noValidate className="reason-form" aria-labelledby="reason-title">
      <h2 id="reason-title" tabIndex={-1} ref={heading}>
        {t(action === 'revoke' ? 'adminRecords.revokeTitle' : 'adminRecords.reissueTitle', { code: record.code })}
      </h2>
      <p>{t(action === 'revoke' ? 'adminRecords.revokeExplain' : 'adminRecords.reissueExplain', { holder: record.holderName ?? '—' })}</p>
      <div className={`field${error ? ' has-error' : ''}`}>
        <label htmlFor="reason">
          {t('adminRecords.reason')}
          <span aria-hidden="true"> *</span>
        </label>
        <p className="hint" id="reason-hint">
          {t('adminRecords.reasonHint')}
        </p>
        {error && (
          <p className="field-error" id="reason-error">
            {error}
          </p>
        )}
        <textarea
          id="reason"
          name="reason"
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-required="true"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'reason-hint reason-error' : 'reason-hint'}
        />
      </div>
      {apiError && <Alert kind="error">{generalMessage(t, apiError)}</Alert>}
      <p className="actions">
        <button type="submit" className={`button primary${action === 'revoke' ? ' danger-fill' : ''}`} disabled={mutation.isPending}>
          {t(action === 'revoke' ? 'adminRecords.confirmRevoke' : 'adminRecords.confirmReissue')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('profile.cancel')}
        </button>
      </p>
    </form>
  );
}
