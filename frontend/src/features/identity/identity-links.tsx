import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../lib/api-client';
import { Alert } from '../../components/ui/feedback';
import { generalMessage } from '../../lib/form-errors';
import { identityLinksQuery, useUnlinkIdentity } from './api';
import { IdentityButtons, IdentityOutcome } from './identity-buttons';

/** The profile's "electronic identity" section: what is linked, and a button to link. */
export function IdentityLinksPanel({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const links = useQuery(identityLinksQuery());
  const unlink = useUnlinkIdentity();
  return (
    <>
      <IdentityOutcome />
      {me.identityVerifiedBy ? <p className="verified">{t('identity.verifiedBy', { provider: me.identityVerifiedBy })}</p> : <p>{t('identity.linkHint')}</p>}
      {links.data && links.data.length > 0 && (
        <ul>
          {links.data.map((l) => (
            <li key={l.provider}>
              {t('identity.linkedAt', { provider: l.providerLabel, date: new Date(l.linkedAt).toLocaleDateString(i18n.language) })}{' '}
              <button type="button" className="link-button" disabled={unlink.isPending} onClick={() => unlink.mutate(l.provider)}>
                {t('identity.unlink', { provider: l.providerLabel })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {unlink.isError && <Alert kind="error">{generalMessage(t, unlink.error)}</Alert>}
      {unlink.isSuccess && <Alert kind="success">{t('identity.unlinked')}</Alert>}
      {links.data?.length === 0 && <IdentityButtons intent="link" />}
    </>
  );
}
