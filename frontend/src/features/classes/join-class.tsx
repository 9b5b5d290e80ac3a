import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert } from '../../components/ui/feedback';
import { TextField } from '../../components/ui/fields';
import { ApiRequestError } from '../../lib/api-client';
import { generalMessage } from '../../lib/form-errors';
import { useJoinClass } from './api';

/** A learner types the code the teacher shows, or arrives from the QR code with it filled in. */
export function JoinClass() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get('ma') ?? '');
  const [error, setError] = useState('');
  const join = useJoinClass();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const clean = code.replace(/[\s-]/g, '');
    if (clean.length < 6 || clean.length > 8) {
      setError(t('classes.codeInvalid'));
      document.getElementById('code')?.focus();
      return;
    }
    setError('');
    join.mutate(clean, {
      onError: (err) => {
        if (err instanceof ApiRequestError && err.status === 404) setError(t('classes.codeUnknown'));
      },
    });
  };
  if (join.data) {
    return (
      <Alert kind="success">
        <p>{t('classes.joined', { name: join.data.name })}</p>
        <p>
          <Link to="/hoc-tap">{t('classes.goLearn')}</Link>
        </p>
      </Alert>
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <TextField
        label={t('classes.joinCode')}
        name="code"
        required
        autoComplete="off"
        autoCapitalize="characters"
        value={code}
        error={error}
        hint={t('classes.codeHint')}
        onChange={(e) => setCode(e.target.value)}
      />
      {join.isError && !error && <Alert kind="error">{generalMessage(t, join.error)}</Alert>}
      <button type="submit" className="button primary" disabled={join.isPending}>
        {t('classes.join')}
      </button>
    </form>
  );
}
