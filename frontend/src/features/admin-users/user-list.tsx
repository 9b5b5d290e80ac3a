import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { SelectField, TextField } from '../../components/ui/fields';
import { Alert, Spinner } from '../../components/ui/feedback';
import { UnitPicker } from '../../components/unit-picker/unit-picker';
import type { Me } from '../../lib/api-client';
import { generalMessage } from '../../lib/form-errors';
import { adminUsersQuery, type UserFilters } from './api';
import { Pager } from '../../components/ui/pager';

const GROUPS = ['citizen', 'public_servant', 'student', 'worker'] as const;
const PAGE_SIZE = 20;

/** The administrator's list: only people in their scope (the server enforces it; the UI just shows it). */
export function UserList({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<UserFilters>({ page: 1, pageSize: PAGE_SIZE });
  const users = useQuery(adminUsersQuery(filters));
  const total = users.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = filters.page ?? 1;
  const scopedToCommune = me.scope?.level === 'commune';

  const search = (e: FormEvent) => {
    e.preventDefault();
    setFilters((f) => ({ ...f, q: query.trim() || undefined, page: 1 }));
  };
  const setFilter = (patch: Partial<UserFilters>) => setFilters((f) => ({ ...f, ...patch, page: 1 }));

  return (
    <>
      {me.scope && <p>{t('admin.scope', { scope: me.scope.name })}</p>}
      <form role="search" onSubmit={search} className="filters">
        <TextField label={t('admin.search')} name="q" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        <button type="submit" className="button">{t('admin.searchButton')}</button>
      </form>
      <details className="filters">
        <summary>{t('admin.filters')}</summary>
        {!scopedToCommune && (
          <UnitPicker
            provinceId={filters.provinceId ?? (me.scope?.level === 'province' ? (me.scope.unitId ?? '') : '')}
            unitId={filters.unitId ?? ''}
            onProvince={(id) => setFilter({ provinceId: id || undefined, unitId: undefined })}
            onUnit={(id) => setFilter({ unitId: id || undefined })}
            anyLabels={{ province: t('admin.allProvinces'), unit: t('admin.allUnits') }}
          />
        )}
        <SelectField label={t('fields.targetGroup')} name="targetGroup" value={filters.targetGroup ?? ''} onChange={(e) => setFilter({ targetGroup: (e.target.value || undefined) as UserFilters['targetGroup'] })}>
          <option value="">{t('admin.allGroups')}</option>
          {GROUPS.map((g) => (
            <option key={g} value={g}>
              {t(`targetGroups.${g}`)}
            </option>
          ))}
        </SelectField>
      </details>
      {users.isPending && <Spinner />}
      {users.isError && <Alert kind="error">{generalMessage(t, users.error)}</Alert>}
      {users.data && (
        <>
          <p role="status">{t('admin.results', { count: total })}</p>
          {total === 0 ? (
            <p>{t('admin.empty')}</p>
          ) : (
            <table className="user-table">
              <caption className="visually-hidden">{t('admin.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.colName')}</th>
                  <th scope="col">{t('admin.colContact')}</th>
                  <th scope="col">{t('admin.colGroup')}</th>
                  <th scope="col">{t('admin.colUnit')}</th>
                  <th scope="col">{t('admin.colStatus')}</th>
                </tr>
              </thead>
              <tbody>
                {users.data.items.map((u) => (
                  <tr key={u.id}>
                    <td data-label={t('admin.colName')}>
                      <Link to={`/quan-tri/nguoi-dung/${u.id}`}>{u.fullName}</Link>
                    </td>
                    <td data-label={t('admin.colContact')}>{u.phoneMasked ?? u.emailMasked}</td>
                    <td data-label={t('admin.colGroup')}>{t(`targetGroups.${u.targetGroup}`)}</td>
                    <td data-label={t('admin.colUnit')}>
                      {u.unit.name}, {u.province.name}
                    </td>
                    <td data-label={t('admin.colStatus')}>{t(u.status === 'active' ? 'admin.active' : 'admin.disabled')}</td>
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
