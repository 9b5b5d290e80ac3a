import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/feedback';
import { generalMessage } from '../../lib/form-errors';
import { type ExportRequest, exportQuery, useRequestExport } from './api';

/** "Export XLSX / CSV": a job builds the file; a progress bar while it runs, then a download link. */
export function ExportButtons({ request, label }: { request: Omit<ExportRequest, 'format'>; label: string }) {
  const { t } = useTranslation();
  const start = useRequestExport();
  const status = useQuery({ ...exportQuery(start.data?.id ?? ''), enabled: !!start.data });
  const x = status.data ?? start.data;
  const busy = start.isPending || (x !== undefined && x.status !== 'done' && x.status !== 'failed');
  return (
    <div className="export-buttons" role="group" aria-label={label}>
      {(['xlsx', 'csv'] as const).map((format) => (
        <button key={format} type="button" className="button small" disabled={busy} onClick={() => start.mutate({ ...request, format })}>
          {t('exports.button', { format: format.toUpperCase() })}
        </button>
      ))}
      {x && x.status !== 'done' && x.status !== 'failed' && <progress max={100} value={x.progress} aria-label={t('exports.progress')} />}
      <span role="status">
        {x?.status === 'done' && (
          <a href={`/api/admin/reporting/exports/${x.id}/file`} download={x.fileName ?? undefined}>
            {t('exports.download', { file: x.fileName })}
          </a>
        )}
        {x?.status === 'failed' && t('exports.failed')}
      </span>
      {start.isError && <Alert kind="error">{generalMessage(t, start.error)}</Alert>}
    </div>
  );
}
