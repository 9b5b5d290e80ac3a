import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { QueryError } from '../../components/connection/query-error';
import { Alert, Spinner } from '../../components/ui/feedback';
import { FileField, TextField } from '../../components/ui/fields';
import { ApiRequestError } from '../../lib/api-client';
import { formatDate } from '../../lib/i18n';
import { coursesQuery, useCreateCourse, useImportCourse } from './api';
import { useErrorText, useFieldErrors } from './errors';
import { useStudioT } from './i18n';
import './studio.css';
import { ProblemList } from './problems';
import type { CourseSummary, Problem } from './types';

export const studioPath = (id: string, rest = '') => `/soan-bai/${id}${rest}`;

/** "Bản nháp", "Chờ duyệt"…: a course's state in words (never only a colour). */
export function StatusBadge({ status }: { status: CourseSummary['status'] }) {
  const { t } = useStudioT();
  return <span className={`status-badge status-${status}`}>{t(`status.${status}`)}</span>;
}

function CourseTable({ courses, caption }: { courses: CourseSummary[]; caption: string }) {
  const { t } = useStudioT();
  const { i18n } = useTranslation();
  return (
    <table className="stack-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('home.course')}</th>
          <th scope="col">{t('home.status')}</th>
          <th scope="col">{t('home.edited')}</th>
        </tr>
      </thead>
      <tbody>
        {courses.map((c) => (
          <tr key={c.id}>
            <th scope="row">
              <Link to={studioPath(c.id)}>{c.title}</Link>
            </th>
            <td data-label={t('home.status')}>
              <StatusBadge status={c.status} />
            </td>
            <td data-label={t('home.edited')}>{formatDate(c.editedAt, i18n.language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The studio's first page: the reviewer's queue, my courses, and the ways to start one. */
export function StudioHome() {
  const { t } = useStudioT();
  const courses = useQuery(coursesQuery());
  return (
    <>
      {courses.isPending && <Spinner />}
      {courses.isError && <QueryError error={courses.error} onRetry={() => void courses.refetch()} />}
      {courses.data && courses.data.toReview.length > 0 && (
        <section aria-labelledby="to-review">
          <h2 id="to-review">{t('home.toReview')}</h2>
          <CourseTable courses={courses.data.toReview} caption={t('home.toReview')} />
        </section>
      )}
      {courses.data && (
        <section aria-labelledby="mine">
          <h2 id="mine">{t('home.mine')}</h2>
          {courses.data.mine.length === 0 ? <p>{t('home.none')}</p> : <CourseTable courses={courses.data.mine} caption={t('home.mine')} />}
        </section>
      )}
      <CreateCourse />
      <ImportCourse />
    </>
  );
}

function CreateCourse() {
  const { t } = useStudioT();
  const navigate = useNavigate();
  const create = useCreateCourse();
  const [title, setTitle] = useState('');
  const [error, setError] = useState('');
  // One key per form: a double click or a resend creates one course.
  const key = useRef(crypto.randomUUID());
  const api = useFieldErrors(create.error, ['title']);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (title.trim().length < 3) {
      setError(t('home.titleInvalid'));
      document.getElementById('new-title')?.focus();
      return;
    }
    setError('');
    create.mutate({ title: title.trim(), idempotencyKey: key.current }, { onSuccess: (c) => navigate(studioPath(c.id)) });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="create-title" className="studio-box">
      <h2 id="create-title">{t('home.create')}</h2>
      <TextField label={t('home.newTitle')} name="new-title" required hint={t('home.newTitleHint')} value={title} maxLength={300} error={error || api.byField.title} onChange={(e) => setTitle(e.target.value)} />
      {api.rest && <Alert kind="error">{api.rest}</Alert>}
      <button type="submit" className="button primary" disabled={create.isPending}>
        {t('home.createButton')}
      </button>
    </form>
  );
}

/** A course folder as a zip (as `content/courses/<slug>/`, or as the studio exports it). */
function ImportCourse() {
  const { t } = useStudioT();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const upload = useImportCourse();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      setError(t('home.zipRequired'));
      document.getElementById('import-zip')?.focus();
      return;
    }
    setError('');
    upload.mutate(file, { onSuccess: (c) => navigate(studioPath(c.id)) });
  };
  const problems = upload.error instanceof ApiRequestError ? ((upload.error.body.details as { problems?: Problem[] } | undefined)?.problems ?? []) : [];
  return (
    <form onSubmit={submit} noValidate aria-labelledby="import-title" className="studio-box">
      <h2 id="import-title">{t('home.import')}</h2>
      <FileField label={t('home.zip')} name="import-zip" accept=".zip,application/zip" hint={t('home.zipHint')} error={error} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      {upload.isError && (
        <>
          <Alert kind="error">{problems.length > 0 ? t('home.zipProblems', { count: problems.length }) : errorText.general(upload.error)}</Alert>
          <ProblemList problems={problems} />
        </>
      )}
      <button type="submit" className="button" disabled={upload.isPending}>
        {upload.isPending ? t('home.importing') : t('home.importButton')}
      </button>
    </form>
  );
}
