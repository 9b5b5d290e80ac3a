import { type KeyboardEvent, useRef } from 'react';
import { useStudioT } from './i18n';
import { bold, type Edit, heading, bulletList, italic } from './markdown-edit';

export type ToolbarAction = 'bold' | 'italic' | 'heading' | 'list' | 'link' | 'image' | 'media';

/** Each button, its shortcut as people type it and as `aria-keyshortcuts` names it. */
const BUTTONS: { action: ToolbarAction; keys: string; aria: string; match: (e: KeyboardEvent) => boolean }[] = [
  { action: 'bold', keys: 'Ctrl+B', aria: 'Control+B', match: (e) => mod(e) && !e.altKey && !e.shiftKey && key(e) === 'b' },
  { action: 'italic', keys: 'Ctrl+I', aria: 'Control+I', match: (e) => mod(e) && !e.altKey && !e.shiftKey && key(e) === 'i' },
  { action: 'heading', keys: 'Ctrl+Alt+2', aria: 'Control+Alt+2', match: (e) => mod(e) && e.altKey && e.code === 'Digit2' },
  { action: 'list', keys: 'Ctrl+Shift+8', aria: 'Control+Shift+8', match: (e) => mod(e) && e.shiftKey && e.code === 'Digit8' },
  { action: 'link', keys: 'Ctrl+K', aria: 'Control+K', match: (e) => mod(e) && !e.altKey && !e.shiftKey && key(e) === 'k' },
  { action: 'image', keys: 'Ctrl+Alt+I', aria: 'Control+Alt+I', match: (e) => mod(e) && e.altKey && e.code === 'KeyI' },
  { action: 'media', keys: 'Ctrl+Alt+V', aria: 'Control+Alt+V', match: (e) => mod(e) && e.altKey && e.code === 'KeyV' },
];
// Ctrl on Windows, Linux and Android; ⌘ on Apple keyboards.
const mod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;
const key = (e: KeyboardEvent) => e.key.toLowerCase();

/** The toolbar action a key press in the text asks for, if any. */
export const shortcutOf = (e: KeyboardEvent<HTMLTextAreaElement>): ToolbarAction | undefined => BUTTONS.find((b) => b.match(e))?.action;

/**
 * Applies an edit through the browser's own editing, so Ctrl+Z undoes a toolbar action like typing
 * does; only the changed middle of the text is replaced.
 */
export function applyEdit(textarea: HTMLTextAreaElement, next: Edit, setValue: (value: string) => void): void {
  const old = textarea.value;
  let head = 0;
  while (head < old.length && head < next.value.length && old[head] === next.value[head]) head++;
  let tail = 0;
  while (tail < old.length - head && tail < next.value.length - head && old[old.length - 1 - tail] === next.value[next.value.length - 1 - tail]) tail++;
  textarea.focus();
  textarea.setSelectionRange(head, old.length - tail);
  const middle = next.value.slice(head, next.value.length - tail);
  // execCommand keeps the undo history; where it is missing the value is set directly.
  const done = middle ? document.execCommand('insertText', false, middle) : document.execCommand('delete');
  if (!done || textarea.value !== next.value) setValue(next.value);
  requestAnimationFrame(() => textarea.setSelectionRange(next.start, next.end));
}

/** The plain edits (no dialog needed) for the text as it is now. */
export function plainEdit(action: ToolbarAction, textarea: HTMLTextAreaElement, placeholder: string): Edit | null {
  const edit = { value: textarea.value, start: textarea.selectionStart, end: textarea.selectionEnd };
  if (action === 'bold') return bold(edit, placeholder);
  if (action === 'italic') return italic(edit, placeholder);
  if (action === 'heading') return heading(edit);
  if (action === 'list') return bulletList(edit);
  return null;
}

/**
 * The formatting buttons above a lesson's text: real buttons with Vietnamese names and shortcuts,
 * one Tab stop for the whole toolbar and the arrow keys between buttons (the WAI-ARIA toolbar pattern).
 */
export function MarkdownToolbar({ controls, onAction, disabled }: { controls: string; onAction: (action: ToolbarAction) => void; disabled?: boolean }) {
  const { t } = useStudioT();
  const bar = useRef<HTMLDivElement>(null);
  const current = useRef(0);
  const buttons = () => [...(bar.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
  const focusAt = (index: number) => {
    const all = buttons();
    const i = (index + all.length) % all.length;
    all.forEach((b, k) => (b.tabIndex = k === i ? 0 : -1));
    current.current = i;
    all[i]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = { ArrowRight: current.current + 1, ArrowLeft: current.current - 1, Home: 0, End: buttons().length - 1 };
    if (e.key in moves) {
      e.preventDefault();
      focusAt(moves[e.key]!);
    }
  };
  return (
    <div role="toolbar" aria-label={t('editor.toolbar')} aria-controls={controls} className="md-toolbar" ref={bar} onKeyDown={onKeyDown}>
      {BUTTONS.map((b, i) => (
        <button
          key={b.action}
          type="button"
          className="button small"
          tabIndex={i === 0 ? 0 : -1}
          aria-keyshortcuts={b.aria}
          title={`${t(`editor.${b.action}`)} (${b.keys})`}
          disabled={disabled}
          onFocus={() => (current.current = i)}
          onClick={() => onAction(b.action)}
        >
          {t(`editor.${b.action}`)}
        </button>
      ))}
    </div>
  );
}
