import { type FormEvent, useState } from 'react';
import { Alert } from '../../components/ui/feedback';
import { SelectField, TextField } from '../../components/ui/fields';
import { useAddAuthor, useRemoveAuthor } from './api';
import { useErrorText, useFieldErrors } from './errors';
import { useStudioT } from './i18n';
import type { Course } from './types';

/** Owners and co-authors; owners add a teacher by phone or email and remove co-authors. */
export function Authors({ course }: { course: Course }) {
  const { t } = useStudioT();
  const errorText = useErrorText();
  const add = useAddAuthor(course.id);
  const remove = useRemoveAuthor(course.id);
  const [login, setLogin] = useState('');
  const [role, setRole] = useState<'owner' | 'coauthor'>('coauthor');
  const [error, setError] = useState('');
  const api = useFieldErrors(add.error, ['login']);
  const manage = course.can.manageAuthors;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!login.trim()) {
      setError(t('authors.loginRequired'));
      document.getElementById('author-login')?.focus();
      return;
    }
    setError('');
    add.mutate({ login: login.trim(), role }, { onSuccess: () => setLogin('') });
  };
  return (
    <section aria-labelledby="authors-title">
      <h2 id="authors-title">{t('authors.title')}</h2>
      <ul className="studio-list">
        {course.authors.map((a) => (
          <li key={a.userId}>
            <span className="studio-list-title">
              {a.fullName} <span className="meta">{t(`authors.${a.role}`)}</span>
            </span>
            {manage && a.role !== 'owner' && (
              <button type="button" className="button small danger" disabled={remove.isPending} aria-label={t('authors.removeOf', { name: a.fullName })} onClick={() => remove.mutate(a.userId)}>
                {t('common.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {remove.isError && <Alert kind="error">{errorText.general(remove.error)}</Alert>}
      {manage && (
        <form onSubmit={submit} noValidate className="inline-form">
          <TextField label={t('authors.add')} name="author-login" hint={t('authors.addHint')} autoComplete="off" value={login} error={error || api.byField.login} onChange={(e) => setLogin(e.target.value)} />
          <SelectField label={t('authors.role')} name="author-role" value={role} onChange={(e) => setRole(e.target.value as 'owner' | 'coauthor')}>
            <option value="coauthor">{t('authors.asCoauthor')}</option>
            <option value="owner">{t('authors.asOwner')}</option>
          </SelectField>
          {api.rest && <Alert kind="error">{api.rest}</Alert>}
          <button type="submit" className="button" disabled={add.isPending}>
            {t('authors.addButton')}
          </button>
        </form>
      )}
    </section>
  );
}
