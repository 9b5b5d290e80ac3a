import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Alert, Spinner } from '../../components/ui/feedback';
import { ApiRequestError } from '../../lib/api-client';
import { generalMessage } from '../../lib/form-errors';
import { formatDay } from '../../lib/i18n';
import { useCheckCredential, type Verification, verifyPath, verifyQuery } from './api';

/** A code as typed (any case, spaces) in its printed form, e.g. 7K3M-9QX2-HT4P. */
export const normaliseCode = (input: string) =>
  (input.toUpperCase().replace(/[^0-9A-Z]/g, '').match(/.{1,4}/g) ?? []).join('-');

/** The public check of a record by its code: anyone, no account. */
export function VerifyCode({ code }: { code: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [input, setInput] = useState(code);
  const [error, setError] = useState('');
  const query = useQuery({ ...verifyQuery(code), enabled: code !== '' });

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    const normal = normaliseCode(input);
    if (!normal) {
      setError(t('verify.codeRequired'));
      return;
    }
    setError('');
    setInput(normal);
    void navigate(verifyPath(normal));
  };

  return (
    <>
      <form onSubmit={onSubmit} noValidate className="verify-form">
        <div className={`field${error ? ' has-error' : ''}`}>
          <label htmlFor="code">{t('verify.codeLabel')}</label>
          <p className="hint" id="code-hint">
            {t('verify.codeHint')}
          </p>
          {error && (
            <p className="field-error" id="code-error" role="alert">
              {error}
            </p>
          )}
          <input
            id="code"
            name="code"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            value={input}
            onChange={(e) => setInput(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'code-hint code-error' : 'code-hint'}
          />
        </div>
        <p className="actions">
          <button type="submit" className="button primary">
            {t('verify.check')}
          </button>
        </p>
      </form>
      <div aria-live="polite">
        {code === '' ? null : query.isPending ? (
          <Spinner />
        ) : query.isError ? (
          <VerifyError error={query.error} />
        ) : (
          <VerificationCard v={query.data} />
        )}
      </div>
    </>
  );
}

function VerifyError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const status = error instanceof ApiRequestError ? error.status : 0;
  return (
    <div className="verify-result not-found" role="alert">
      <p className="verify-status">
        {status === 404 ? t('verify.notFound') : status === 429 ? t('verify.tooMany') : generalMessage(t, error)}
      </p>
      {status === 404 && <p>{t('verify.notFoundHint')}</p>}
    </div>
  );
}

function CheckIcon() {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="1.6em" height="1.6em" className="status-icon">
      <circle cx="12" cy="12" r="11" fill="currentColor" />
      <path d="M6.5 12.5l3.5 3.5 7.5-8" fill="none" stroke="#fff" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function CrossIcon() {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="1.6em" height="1.6em" className="status-icon">
      <circle cx="12" cy="12" r="11" fill="currentColor" />
      <path d="M8 8l8 8M16 8l-8 8" fill="none" stroke="#fff" strokeWidth="2.6" strokeLinecap="round" />
    </svg>
  );
}

/** The record as the public sees it: status first and large, then what it confirms. */
export function VerificationCard({ v }: { v: Verification }) {
  const { t, i18n } = useTranslation();
  const valid = v.status === 'valid';
  return (
    <div className={`verify-result ${v.status}`}>
      <p className="verify-status">
        {valid ? <CheckIcon /> : <CrossIcon />}
        <span>{valid ? t('verify.valid') : t('verify.revoked', { date: formatDay(v.revokedAt!, i18n.language) })}</span>
      </p>
      <p>{valid ? t('verify.validExplain') : t('verify.revokedExplain')}</p>
      <dl className="details">
        <div>
          <dt>{t('verify.code')}</dt>
          <dd className="record-code">{v.code}</dd>
        </div>
        <div>
          <dt>{t('verify.holder')}</dt>
          <dd>{v.holderName}</dd>
        </div>
        {v.identityVerifiedBy && (
          <div>
            <dt>{t('verify.identity')}</dt>
            <dd>{t('identity.verifiedBy', { provider: v.identityVerifiedBy })}</dd>
          </div>
        )}
        <div>
          <dt>{t('verify.group')}</dt>
          <dd>{v.targetGroupName}</dd>
        </div>
        <div>
          <dt>{t('verify.framework')}</dt>
          <dd>
            {v.frameworkTitle}
          </dd>
        </div>
        <div>
          <dt>{t('verify.level')}</dt>
          <dd>{v.overallLevelName}</dd>
        </div>
        <div>
          <dt>{t('verify.issuedAt')}</dt>
          <dd>{formatDay(v.issuedAt, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('verify.issuer')}</dt>
          <dd>{v.issuerName}</dd>
        </div>
      </dl>
      <h2>{t('verify.competencies')}</h2>
      <ul>
        {v.competencies.map((c) => (
          <li key={c.code}>
            {c.name}: <strong>{c.levelName}</strong>
          </li>
        ))}
      </ul>
      <p className="hint">{t('verify.maskedNote')}</p>
    </div>
  );
}

/** Checks a pasted Open Badges credential (VC-JWT): signature, record, revocation. */
export function VerifyCredential() {
  const { t } = useTranslation();
  const [jwt, setJwt] = useState('');
  const [error, setError] = useState('');
  const check = useCheckCredential();
  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!jwt.trim()) {
      setError(t('verify.credentialRequired'));
      return;
    }
    setError('');
    check.mutate(jwt.trim());
  };
  const r = check.data;
  return (
    <form onSubmit={onSubmit} noValidate>
      <p>{t('verify.credentialIntro')}</p>
      <div className={`field${error ? ' has-error' : ''}`}>
        <label htmlFor="credential">{t('verify.credentialLabel')}</label>
        {error && (
          <p className="field-error" id="credential-error" role="alert">
            {error}
          </p>
        )}
        <textarea
          id="credential"
          name="credential"
          rows={5}
          spellCheck={false}
          value={jwt}
          onChange={(e) => setJwt(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'credential-error' : undefined}
        />
      </div>
      <p className="actions">
        <button type="submit" className="button" disabled={check.isPending}>
          {t('verify.checkCredential')}
        </button>
      </p>
      <div aria-live="polite">
        {check.isError && <Alert kind="error">{generalMessage(t, check.error)}</Alert>}
        {r && (
          <>
            <div className={`verify-result ${r.valid ? 'valid' : 'revoked'}`}>
              <p className="verify-status">
                {r.valid ? <CheckIcon /> : <CrossIcon />}
                <span>{t(`verify.credential.${r.reason}`)}</span>
              </p>
            </div>
            {r.record && <VerificationCard v={r.record} />}
          </>
        )}
      </div>
    </form>
  );
}
