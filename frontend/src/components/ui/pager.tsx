import { useTranslation } from 'react-i18next';
import '../../lib/staff-strings';

/** Previous / page n of m / next, for the administrators' lists. */
export function Pager({ page, pages, onPage }: { page: number; pages: number; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  return (
    <nav className="pager" aria-label={t('admin.page', { page, pages })}>
      <button type="button" className="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('admin.previous')}
      </button>
      <span>{t('admin.page', { page, pages })}</span>
      <button type="button" className="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('admin.next')}
      </button>
    </nav>
  );
}
