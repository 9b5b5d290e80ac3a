import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { SelectField, TextField } from '../../components/ui/fields';
import { Alert, Spinner } from '../../components/ui/feedback';
import { generalMessage } from '../../lib/form-errors';
import { meQuery } from '../auth/api';
import { type CourseFilters, coursesQuery, frameworkQuery } from './api';

const GROUPS = ['citizen', 'public_servant', 'student', 'worker'] as const;
const FILTER_KEYS = ['q', 'targetGroup', 'domain', 'competency', 'level'] as const;

/** In the address, "every group" (a signed-in person otherwise sees their own group's courses first). */
const ALL_GROUPS = 'all';

/**
 * Filters live in the address, so a search can be shared or bookmarked. With no group in the address,
 * a signed-in person sees the courses of their own group (`ownGroup`); `targetGroup=all` shows every course.
 */
function useFilters(ownGroup: CourseFilters['targetGroup']): [CourseFilters, (patch: Partial<CourseFilters> | { targetGroup: typeof ALL_GROUPS }) => void] {
  const [params, setParams] = useSearchParams();
  const filters: CourseFilters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value && value !== ALL_GROUPS) Object.assign(filters, { [key]: key === 'level' ? Number(value) : value });
  }
  if (!params.has('targetGroup') && ownGroup) filters.targetGroup = ownGroup;
  const update = (patch: Partial<CourseFilters> | { targetGroup: typeof ALL_GROUPS }) => {
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
  const me = useQuery(meQuery()).data;
  const [filters, update] = useFilters(me?.targetGroup);
  const ownGroupOnly = Boolean(me && filters.targetGroup === me.targetGroup);
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
          <SelectField
            label={t('catalogue.targetGroup')}
            name="targetGroup"
            value={filters.targetGroup ?? ALL_GROUPS}
            onChange={(e) => update({ targetGroup: e.target.value as CourseFilters['targetGroup'] | typeof ALL_GROUPS })}
          >
            <option value={ALL_GROUPS}>{t('catalogue.all')}</option>
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
          {ownGroupOnly && (
            <p className="own-group">
              {t('catalogue.forYourGroup', { group: t(`targetGroups.${me!.targetGroup}`) })}{' '}
              <button type="button" className="link-button" onClick={() => update({ targetGroup: ALL_GROUPS })}>
                {t('catalogue.showAll')}
              </button>
            </p>
          )}
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
