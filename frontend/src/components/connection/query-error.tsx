import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../../lib/api-client';
import { generalMessage } from '../../lib/form-errors';
import { Alert } from '../ui/feedback';
import { OfflineNotice } from './offline-notice';

/** A page's data could not be loaded: the offline notice when the network failed, the server's reason otherwise. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiRequestError)) return <OfflineNotice onRetry={onRetry} />;
  return <Alert kind="error">{generalMessage(t, error)}</Alert>;
}
