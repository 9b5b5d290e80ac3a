import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { assistedQuery, isAssisting, useEndAssist } from './api';

/** Always on screen while a resident learns on a member's phone: whose progress this is, switch, end. */
export function AssistedBar() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const current = useQuery({ ...assistedQuery(), enabled: isAssisting() });
  const end = useEndAssist();
  if (!current.data) return null;
  return (
    <div className="assisted-bar" role="status">
      <span>{t('community.assisting', { name: current.data.residentName })}</span>
      <Link to="/to-cong-nghe-so">{t('community.switch')}</Link>
      <button type="button" className="link-button" onClick={() => end.mutate(undefined, { onSettled: () => navigate('/to-cong-nghe-so') })}>
        {t('community.end')}
      </button>
    </div>
  );
}
