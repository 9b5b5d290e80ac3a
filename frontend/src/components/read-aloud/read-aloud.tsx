import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';

const synth = typeof window !== 'undefined' ? window.speechSynthesis : undefined;

const subscribeVoices = (cb: () => void) => {
  synth?.addEventListener('voiceschanged', cb);
  return () => synth?.removeEventListener('voiceschanged', cb);
};
const vietnameseVoice = () => synth?.getVoices().find((v) => v.lang.toLowerCase().startsWith('vi')) ?? null;

/** "Đọc to" for a lesson or an answer: offered only where the browser has a Vietnamese voice (the lessons' voice). */
export function ReadAloud({ getText, label }: { getText: () => string; label?: { read: string; stop: string } }) {
  const { t } = useTranslation();
  const voice = useSyncExternalStore(subscribeVoices, vietnameseVoice, () => null);
  const [speaking, setSpeaking] = useState(false);
  useEffect(() => () => synth?.cancel(), []);
  if (!synth || !voice) return null;

  const toggle = () => {
    if (speaking) {
      synth.cancel();
      setSpeaking(false);
      return;
    }
    const utterance = new SpeechSynthesisUtterance(getText());
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.9;
    utterance.onend = () => setSpeaking(false);
    utterance.onerror = () => setSpeaking(false);
    synth.speak(utterance);
    setSpeaking(true);
  };
  return (
    <button type="button" className="button" aria-pressed={speaking} onClick={toggle}>
      {speaking ? (label?.stop ?? t('lesson.stopReading')) : (label?.read ?? t('lesson.readAloud'))}
    </button>
  );
}
