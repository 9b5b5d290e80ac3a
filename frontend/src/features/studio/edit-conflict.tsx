import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Alert } from '../../components/ui/feedback';
import { useStudioT } from './i18n';

type Props = {
  yours: string;
  theirs: string;
  /** Who saved the other text and when, if the server says. */
  theirsBy?: string;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  onMerge: (merged: string) => void;
};

/**
 * Someone else saved this text while it was open here: both texts side by side, and a third box to
 * merge them by hand (starting from this person's). Nothing is thrown away until they choose.
 */
export function EditConflict({ yours, theirs, theirsBy, onKeepMine, onTakeTheirs, onMerge }: Props) {
  const { t } = useStudioT();
  const [merged, setMerged] = useState(yours);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="conflict" aria-labelledby="conflict-title">
      <div role="alert">
        <h2 id="conflict-title" tabIndex={-1} ref={heading}>
          {t('conflict.title')}
        </h2>
        <p>{theirsBy ? t('conflict.explainBy', { who: theirsBy }) : t('conflict.explain')}</p>
      </div>
      <div className="conflict-texts">
        <div className="field">
          <label htmlFor="conflict-yours">{t('conflict.yours')}</label>
          <textarea id="conflict-yours" readOnly rows={12} value={yours} />
        </div>
        <div className="field">
          <label htmlFor="conflict-theirs">{t('conflict.theirs')}</label>
          <textarea id="conflict-theirs" readOnly rows={12} value={theirs} />
        </div>
      </div>
      <KeepOrTake onKeepMine={onKeepMine} onTakeTheirs={onTakeTheirs} />
      <div className="field">
        <label htmlFor="conflict-merged">{t('conflict.merged')}</label>
        <p className="hint" id="conflict-merged-hint">
          {t('conflict.mergedHint')}
        </p>
        <textarea id="conflict-merged" rows={12} aria-describedby="conflict-merged-hint" value={merged} onChange={(e) => setMerged(e.target.value)} />
      </div>
      <p className="actions">
        <button type="button" className="button" onClick={() => onMerge(merged)}>
          {t('conflict.saveMerged')}
        </button>
      </p>
    </section>
  );
}

/** A form saved over someone else's newer save: keep this person's version or take the other's. */
export function ConflictChoice({ message, onKeepMine, onTakeTheirs, children }: { message: string; onKeepMine: () => void; onTakeTheirs: () => void; children?: ReactNode }) {
  return (
    <Alert kind="error">
      <p>
        <strong>{message}</strong>
      </p>
      {children}
      <KeepOrTake onKeepMine={onKeepMine} onTakeTheirs={onTakeTheirs} />
    </Alert>
  );
}

function KeepOrTake({ onKeepMine, onTakeTheirs }: { onKeepMine: () => void; onTakeTheirs: () => void }) {
  const { t } = useStudioT();
  return (
    <div className="actions">
      <button type="button" className="button primary" onClick={onKeepMine}>
        {t('conflict.keepMine')}
      </button>
      <button type="button" className="button" onClick={onTakeTheirs}>
        {t('conflict.takeTheirs')}
      </button>
    </div>
  );
}
