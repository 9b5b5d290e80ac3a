import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { QueryError } from '../../components/connection/query-error';
import { Alert, Spinner } from '../../components/ui/feedback';
import { FileField, TextField } from '../../components/ui/fields';
import { formatDate } from '../../lib/i18n';
import { coursesQuery, useCreateCourse, useImportCourse } from './api';
import { useErrorText, useFieldErrors } from './errors';
import { useStudioT } from './i18n';
import './studio.css';
import { ProblemList, problemsIn, RefusalReason } from './problems';
import type { CourseSummary } from './types';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** "Nhận biết lừa đảo!" → "nhan-biet-lua-dao": the course's address, as the API accepts it. */
const slugOf = (title: string) =>
  title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
    .replace(/-+$/, '');

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
              {c.publishedVersion !== null && c.status !== 'published' && <span className="meta"> {t('home.publishedVersion', { version: c.publishedVersion })}</span>}
            </td>
            <td data-label={t('home.edited')}>{formatDate(c.updatedAt, i18n.language)}</td>
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
  const all = courses.data ?? [];
  // A reviewer's (or administrator's) courses are those of their scope they do not write themselves.
  const toReview = all.filter((c) => c.myRole === 'reviewer' && c.status === 'in_review');
  const inScope = all.filter((c) => c.myRole === 'reviewer' && c.status !== 'in_review');
  const mine = all.filter((c) => c.myRole !== 'reviewer');
  return (
    <>
      {courses.isPending && <Spinner />}
      {courses.isError && <QueryError error={courses.error} onRetry={() => void courses.refetch()} />}
      {toReview.length > 0 && (
        <section aria-labelledby="to-review">
          <h2 id="to-review">{t('home.toReview')}</h2>
          <CourseTable courses={toReview} caption={t('home.toReview')} />
        </section>
      )}
      {courses.data && (
        <section aria-labelledby="mine">
          <h2 id="mine">{t('home.mine')}</h2>
          {mine.length === 0 ? <p>{t('home.none')}</p> : <CourseTable courses={mine} caption={t('home.mine')} />}
        </section>
      )}
      {inScope.length > 0 && (
        <section aria-labelledby="in-scope">
          <h2 id="in-scope">{t('home.inScope')}</h2>
          <CourseTable courses={inScope} caption={t('home.inScope')} />
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
  const [slug, setSlug] = useState('');
  // The short name follows the title until the person edits it.
  const [slugEdited, setSlugEdited] = useState(false);
  const [errors, setErrors] = useState<{ title?: string; slug?: string }>({});
  // One key per form: a double click or a resend creates one course.
  const key = useRef(crypto.randomUUID());
  const api = useFieldErrors(create.error, ['title', 'slug']);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = { title: title.trim().length < 3 ? t('home.titleInvalid') : undefined, slug: SLUG.test(slug) ? undefined : t('home.slugInvalid') };
    setErrors(found);
    if (found.title || found.slug) {
      document.getElementById(found.title ? 'new-title' : 'new-slug')?.focus();
      return;
    }
    create.mutate({ title: title.trim(), slug, idempotencyKey: key.current }, { onSuccess: (c) => navigate(studioPath(c.id)) });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="create-title" className="studio-box">
      <h2 id="create-title">{t('home.create')}</h2>
      <TextField
        label={t('home.newTitle')}
        name="new-title"
        required
        hint={t('home.newTitleHint')}
        value={title}
        maxLength={300}
        error={errors.title ?? api.byField.title}
        onChange={(e) => {
          setTitle(e.target.value);
          if (!slugEdited) setSlug(slugOf(e.target.value));
        }}
      />
      <TextField
        label={t('home.slug')}
        name="new-slug"
        required
        hint={t('home.slugHint')}
        value={slug}
        maxLength={120}
        autoCapitalize="none"
        spellCheck={false}
        error={errors.slug ?? api.byField.slug}
        onChange={(e) => {
          setSlugEdited(true);
          setSlug(e.target.value);
        }}
      />
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
  const problems = problemsIn(upload.error);
  return (
    <form onSubmit={submit} noValidate aria-labelledby="import-title" className="studio-box">
      <h2 id="import-title">{t('home.import')}</h2>
      <FileField label={t('home.zip')} name="import-zip" accept=".zip,application/zip" hint={t('home.zipHint')} error={error} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      {upload.isError && (
        <>
          <Alert kind="error">{problems.length > 0 ? t('home.zipProblems', { count: problems.length }) : errorText.general(upload.error)}</Alert>
          <RefusalReason error={upload.error} />
          <ProblemList problems={problems} />
        </>
      )}
      <button type="submit" className="button" disabled={upload.isPending}>
        {upload.isPending ? t('home.importing') : t('home.importButton')}
      </button>
    </form>
  );
}
