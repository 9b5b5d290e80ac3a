import { type ReactNode, type RefObject, useId, useLayoutEffect, useRef } from 'react';

/**
 * A modal dialog on the browser's own <dialog>: focus stays inside, Escape closes it, and focus
 * goes back to what opened it (or to `returnTo`: the lesson text after inserting into it).
 */
export function Dialog({ open, title, onClose, returnTo, children }: { open: boolean; title: string; onClose: () => void; returnTo?: RefObject<HTMLElement | null>; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const opener = useRef<Element | null>(null);
  // In the commit itself, so a caller closing it with flushSync can edit the page behind it at once.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={id}
      onClose={() => {
        onClose();
        const back = returnTo?.current ?? opener.current;
        if (back instanceof HTMLElement) back.focus();
      }}
    >
      <h2 id={id}>{title}</h2>
      {open && children}
    </dialog>
  );
}
