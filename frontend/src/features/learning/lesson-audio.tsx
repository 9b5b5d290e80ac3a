import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/feedback';
import { lessonAudioQuery } from './api';

const SPEEDS = [0.75, 1, 1.25, 1.5] as const;

/**
 * The lesson read aloud by the server (works on phones with no Vietnamese voice): asked for only when
 * the learner wants it (it costs data), played with the browser's own controls and a speed choice.
 */
export function LessonAudio({ slug, lesson }: { slug: string; lesson: string }) {
  const { t } = useTranslation();
  const [wanted, setWanted] = useState(false);
  const [speed, setSpeed] = useState<number>(1);
  const audio = useQuery({
    ...lessonAudioQuery(slug, lesson),
    enabled: wanted,
    // The job takes a few seconds the first time a lesson is asked for.
    refetchInterval: (q) => (q.state.data?.status === 'preparing' ? 2000 : false),
  });
  if (!wanted) {
    return (
      <button type="button" className="button" onClick={() => setWanted(true)}>
        {t('lesson.listen')}
      </button>
    );
  }
  if (audio.isError) return <Alert kind="error">{t('lesson.audioFailed')}</Alert>;
  if (audio.data?.status === 'unavailable') return <p className="hint">{t('lesson.audioUnavailable')}</p>;
  if (audio.data?.status !== 'ready') return <p className="loading" role="status">{t('lesson.audioPreparing')}</p>;
  return (
    <div className="lesson-audio">
      <audio
        controls
        autoPlay
        preload="auto"
        src={audio.data.src!}
        aria-label={t('lesson.audioLabel')}
        ref={(el) => {
          if (el) el.playbackRate = speed;
        }}
      />
      <label>
        {t('lesson.speed')}{' '}
        <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {t('lesson.speedValue', { speed: s.toLocaleString('vi-VN') })}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
