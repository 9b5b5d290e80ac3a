import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Alert } from '../../components/ui/feedback';
import { residentsQuery, type SignInCard, useAssist, useReissueCard } from './api';
import { SignInCardView } from './sign-in-card';

/** The member's residents: progress at a glance, "learn together" in one tap, a new card when one is lost. */
export function ResidentsList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const residents = useQuery(residentsQuery());
  const assist = useAssist();
  const reissue = useReissueCard();
  const [card, setCard] = useState<{ name: string; card: SignInCard } | null>(null);
  if (!residents.data) return null;
  if (residents.data.length === 0) return <p>{t('community.noResidents')}</p>;
  return (
    <>
      {(assist.isError || reissue.isError) && <Alert kind="error">{t('errors.generic')}</Alert>}
      {card && <SignInCardView card={card.card} name={card.name} />}
      <ul className="resident-list">
        {residents.data.map((r) => (
          <li key={r.id}>
            <strong>{r.fullName}</strong> ({r.birthYear})
            <br />
            {t('community.progress', { completed: r.coursesCompleted, enrolled: r.coursesEnrolled })}
            <div className="actions">
              <button
                type="button"
                className="button primary"
                disabled={assist.isPending}
                onClick={() => assist.mutate(r.id, { onSuccess: () => navigate('/khoa-hoc') })}
              >
                {t('community.assist', { name: r.fullName })}
              </button>
              <button type="button" className="button" onClick={() => reissue.mutate(r.id, { onSuccess: (c) => setCard({ name: r.fullName ?? '', card: c }) })}>
                {t('community.newCard')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
