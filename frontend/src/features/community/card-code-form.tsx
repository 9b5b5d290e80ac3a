import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { TextField } from '../../components/ui/fields';

/** For a card whose QR code cannot be scanned: type the code instead. */
export function CardCodeForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (code.trim()) void navigate(`/the/${encodeURIComponent(code.trim())}`);
      }}
    >
      <TextField label={t('community.cardCodeLabel')} name="cardCode" autoComplete="off" autoCapitalize="characters" value={code} onChange={(e) => setCode(e.target.value)} />
      <button type="submit" className="button">{t('community.cardSubmit')}</button>
    </form>
  );
}
