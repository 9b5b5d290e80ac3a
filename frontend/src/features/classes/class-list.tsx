import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, ErrorSummary, Spinner } from '../../components/ui/feedback';
import { TextField } from '../../components/ui/fields';
import { ApiRequestError } from '../../lib/api-client';
import { generalMessage } from '../../lib/form-errors';
import { classesQuery, coursesForClassQuery, useCreateClass } from './api';

/** A teacher's classes (an administrator's: those of their scope), and the form to open one. */
export function ClassList({ canCreate, unitId, figuresLink }: { canCreate: boolean; unitId?: string; figuresLink?: (classId: string) => string }) {
  const { t } = useTranslation();
  const classes = useQuery(classesQuery(unitId));
  return (
    <>
      {classes.isPending && <Spinner />}
      {classes.isError && <Alert kind="error">{generalMessage(t, classes.error)}</Alert>}
      {classes.data &&
        (classes.data.length === 0 ? (
          <p>{t('classes.none')}</p>
        ) : (
          <ul className="class-list">
            {classes.data.map((c) => (
              <li key={c.id}>
                <Link to={`/lop-hoc/${c.id}`}>{c.name}</Link>{' '}
                <span className="meta">
                  {t('classes.summary', {
                    count: c.memberCount,
                    unit: c.unitName,
                    code: c.joinCode,
                  })}
                </span>
                {figuresLink && (
                  <>
                    {' · '}
                    <Link to={figuresLink(c.id)} aria-label={t('classes.figuresOf', { name: c.name })}>
                      {t('classes.figures')}
                    </Link>
                  </>
                )}
              </li>
            ))}
          </ul>
        ))}
      {canCreate && <CreateClass />}
    </>
  );
}

function CreateClass() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const courses = useQuery(coursesForClassQuery());
  const create = useCreateClass();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [nameError, setNameError] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim().length < 3) {
      setNameError(t('classes.nameInvalid'));
      document.getElementById('class-name')?.focus();
      return;
    }
    setNameError('');
    create.mutate({ name: name.trim(), courses: chosen }, { onSuccess: (c) => navigate(`/lop-hoc/${c.id}`) });
  };
  const fieldErrors = create.error instanceof ApiRequestError ? create.error.fieldErrors() : [];
  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-class-title">
      <h2 id="new-class-title">{t('classes.newTitle')}</h2>
      <ErrorSummary errors={fieldErrors} />
      <TextField
        label={t('classes.name')}
        name="class-name"
        required
        value={name}
        error={nameError}
        hint={t('classes.nameHint')}
        onChange={(e) => setName(e.target.value)}
      />
      <fieldset className="field">
        <legend>{t('classes.courses')}</legend>
        {courses.data?.map((c) => (
          <label key={c.slug} className="check">
            <input
              type="checkbox"
              checked={chosen.includes(c.slug)}
              onChange={(e) => setChosen((x) => (e.target.checked ? [...x, c.slug] : x.filter((s) => s !== c.slug)))}
            />{' '}
            {c.title}
          </label>
        ))}
      </fieldset>
      {create.isError && fieldErrors.length === 0 && <Alert kind="error">{generalMessage(t, create.error)}</Alert>}
      <button type="submit" className="button primary" disabled={create.isPending}>
        {t('classes.create')}
      </button>
    </form>
  );
}
