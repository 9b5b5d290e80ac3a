import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const SIZES = ['normal', 'large', 'xlarge'] as const;
type Size = (typeof SIZES)[number];
const STORAGE_KEY = 'bdhvs.textSize';

const stored = (): Size => {
  const value = localStorage.getItem(STORAGE_KEY);
  return SIZES.includes(value as Size) ? (value as Size) : 'normal';
};

/** Applies the saved text size before the first paint, so the page does not jump. */
export function applyStoredTextSize() {
  document.documentElement.dataset.textSize = stored();
}

/** Three text sizes for older eyes; the choice stays on this device. */
export function TextSizeControl() {
  const { t } = useTranslation();
  const [size, setSize] = useState<Size>(stored);
  useEffect(() => {
    document.documentElement.dataset.textSize = size;
    localStorage.setItem(STORAGE_KEY, size);
  }, [size]);
  return (
    <div className="text-size" role="group" aria-label={t('textSize.label')}>
      {SIZES.map((s) => (
        <button key={s} type="button" className={`link-button text-size-${s}`} aria-pressed={size === s} onClick={() => setSize(s)} aria-label={t(`textSize.${s}`)}>
          A
        </button>
      ))}
    </div>
  );
}
