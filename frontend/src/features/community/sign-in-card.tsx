import { useTranslation } from 'react-i18next';
import type { SignInCard } from './api';

/** The card handed to a resident: the QR code signs them in, the code can be typed instead. Printable. */
export function SignInCardView({ card, name }: { card: SignInCard; name: string }) {
  const { t } = useTranslation();
  return (
    <figure className="sign-in-card" aria-label={t('community.cardFor', { name })}>
      <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(card.qrSvg)}`} alt={t('community.qrAlt')} width={180} height={180} />
      <figcaption>
        <strong>{name}</strong>
        <br />
        {t('community.cardCode')}: <span className="record-code" data-testid="card-code">{card.code}</span>
        <br />
        {t('community.cardHow')}
      </figcaption>
      <button type="button" className="button" onClick={() => window.print()}>
        {t('community.print')}
      </button>
    </figure>
  );
}
