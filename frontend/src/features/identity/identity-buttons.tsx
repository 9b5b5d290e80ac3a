import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { Alert } from '../../components/ui/feedback';
import { identityProvidersQuery, useGoToProvider } from './api';

/** One button per configured identity provider (VNeID first); nothing when none is configured. */
export function IdentityButtons({ intent, heading }: { intent: 'signin' | 'reset' | 'link'; heading?: string }) {
  const { t } = useTranslation();
  const providers = useQuery(identityProvidersQuery());
  const go = useGoToProvider();
  if (!providers.data?.length) return null;
  return (
    <div className="identity-buttons">
      {heading && <h2>{heading}</h2>}
      {go.isError && <Alert kind="error">{t('identity.failure.unavailable')}</Alert>}
      {providers.data.map((p) => (
        <button key={p.id} type="button" className="button identity" disabled={go.isPending} onClick={() => go.mutate({ provider: p.id, intent })}>
          {t(`identity.${intent}`, { provider: p.label })}
        </button>
      ))}
    </div>
  );
}

/** Why the last round trip to the provider did not sign the person in (`?dinh-danh=<reason>`), in their language. */
export function IdentityOutcome() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const outcome = params.get('dinh-danh');
  if (!outcome) return null;
  if (outcome === 'da-lien-ket') return <Alert kind="success">{t('identity.linked')}</Alert>;
  return <Alert kind="error">{t(`identity.failure.${outcome}`, { defaultValue: t('identity.failure.state') })}</Alert>;
}
