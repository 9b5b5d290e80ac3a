import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { SelectField, TextField } from '../../components/ui/fields';
import { Alert, Spinner } from '../../components/ui/feedback';
import { generalMessage } from '../../lib/form-errors';
import { type CourseFilters, coursesQuery, frameworkQuery } from './api';

const GROUPS = ['citizen', 'public_servant', 'student', 'worker'] as const;
const FILTER_KEYS = ['q', 'targetGroup', 'domain', 'competency', 'level'] as const;

/** Filters live in the address, so a search can be shared or bookmarked. */
function useFilters(): [CourseFilters, (patch: Partial<CourseFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters: CourseFilters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) Object.assign(filters, { [key]: key === 'level' ? Number(value) : value });
  }
  const update = (patch: Partial<CourseFilters>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next, { replace: true });
  };
  return [filters, update];
}

export function CourseCatalogue() {
  const { t } = useTranslation();
  const [filters, update] = useFilters();
  const [query, setQuery] = useState(filters.q ?? '');
  const framework = useQuery(frameworkQuery());
  const courses = useQuery(coursesQuery(filters));
  const domain = framework.data?.domains.find((d) => d.code === filters.domain);
  const competencies = domain ? domain.competencies : (framework.data?.domains.flatMap((d) => d.competencies) ?? []);

  const search = (e: FormEvent) => {
    e.preventDefault();
    update({ q: query.trim() || undefined });
  };

  return (
    <>
      <form role="search" className="filters" onSubmit={search}>
        <TextField label={t('catalogue.search')} hint={t('catalogue.searchHint')} name="q" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        <button type="submit" className="button primary">
          {t('catalogue.searchButton')}
        </button>
      </form>
      <details className="filters" open={Boolean(filters.targetGroup || filters.domain || filters.competency || filters.level)}>
        <summary>{t('catalogue.filters')}</summary>
        <div className="filter-grid">
          <SelectField label={t('catalogue.targetGroup')} name="targetGroup" value={filters.targetGroup ?? ''} onChange={(e) => update({ targetGroup: (e.target.value || undefined) as CourseFilters['targetGroup'] })}>
            <option value="">{t('catalogue.all')}</option>
            {GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`targetGroups.${g}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('catalogue.domain')} name="domain" value={filters.domain ?? ''} onChange={(e) => update({ domain: e.target.value || undefined, competency: undefined })}>
            <option value="">{t('catalogue.all')}</option>
            {framework.data?.domains.map((d) => (
              <option key={d.code} value={d.code}>
                {d.code}. {d.name}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('catalogue.competency')} name="competency" value={filters.competency ?? ''} onChange={(e) => update({ competency: e.target.value || undefined })}>
            <option value="">{t('catalogue.all')}</option>
            {competencies.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code} {c.name}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('catalogue.level')} name="level" value={filters.level ?? ''} onChange={(e) => update({ level: e.target.value ? Number(e.target.value) : undefined })}>
            <option value="">{t('catalogue.all')}</option>
            {framework.data?.levels.map((l) => (
              <option key={l.level} value={l.level}>
                {t('catalogue.levelName', { level: l.level, name: l.name })}
              </option>
            ))}
          </SelectField>
        </div>
      </details>
      {courses.isPending && <Spinner />}
      {courses.isError && <Alert kind="error">{generalMessage(t, courses.error)}</Alert>}
      {courses.data && (
        <>
          <p role="status">{t('catalogue.results', { count: courses.data.length })}</p>
          {courses.data.length === 0 && <p>{t('catalogue.empty')}</p>}
          <ul className="course-list">
            {courses.data.map((c) => (
              <li key={c.slug} className="course-card">
                <h2>
                  <Link to={`/khoa-hoc/${c.slug}`}>{c.title}</Link>
                </h2>
                <p>{c.summary}</p>
                <p className="meta">
                  {t('catalogue.lessons', { count: c.lessonCount })} · {t('catalogue.minutes', { count: c.estimatedMinutes })} ·{' '}
                  {c.targetGroups.map((g) => t(`targetGroups.${g}`)).join(', ')}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
