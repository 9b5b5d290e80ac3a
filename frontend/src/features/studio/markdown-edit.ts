/** The text of a textarea and what is selected in it; every toolbar action maps one to another. */
export type Edit = { value: string; start: number; end: number };

/** Wraps the selection in `mark` (or removes it when already there); with nothing selected, places the caret inside. */
export function wrap(edit: Edit, mark: string, placeholder: string): Edit {
  const { value, start, end } = edit;
  const before = value.slice(0, start);
  const after = value.slice(end);
  if (before.endsWith(mark) && after.startsWith(mark)) {
    return { value: before.slice(0, -mark.length) + value.slice(start, end) + after.slice(mark.length), start: start - mark.length, end: end - mark.length };
  }
  const inner = start === end ? placeholder : value.slice(start, end);
  return { value: `${before}${mark}${inner}${mark}${after}`, start: start + mark.length, end: start + mark.length + inner.length };
}

/** The start of the line holding `index`, and the end of the line holding `end`. */
function lineBounds(value: string, start: number, end: number): [number, number] {
  const from = value.lastIndexOf('\n', start - 1) + 1;
  const newline = value.indexOf('\n', end > start && value[end - 1] === '\n' ? end - 1 : end);
  return [from, newline === -1 ? value.length : newline];
}

/**
 * Puts `prefix` before each selected line, or takes it away when every line has it already
 * (a second press undoes the first). Lines with another heading level get this one instead.
 */
export function prefixLines(edit: Edit, prefix: string, strip: RegExp = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)): Edit {
  const [from, to] = lineBounds(edit.value, edit.start, edit.end);
  const lines = edit.value.slice(from, to).split('\n');
  const all = lines.every((l) => l.startsWith(prefix));
  const changed = lines.map((l) => (all ? l.slice(prefix.length) : `${prefix}${l.replace(strip, '')}`)).join('\n');
  const value = edit.value.slice(0, from) + changed + edit.value.slice(to);
  return { value, start: from, end: from + changed.length };
}

export const bold = (e: Edit, placeholder: string) => wrap(e, '**', placeholder);
export const italic = (e: Edit, placeholder: string) => wrap(e, '_', placeholder);
export const heading = (e: Edit) => prefixLines(e, '## ', /^#{1,6} /);
export const bulletList = (e: Edit) => prefixLines(e, '- ', /^([-*+]|\d+\.) /);

/** Markdown escapes for text that goes between `[` `]`: brackets and backslashes. */
const escapeLabel = (text: string) => text.replace(/[\\[\]]/g, '\\$&');

/** Replaces the selection with `text`, leaving the caret after it; blank lines around a block. */
export function insert(edit: Edit, text: string, block = false): Edit {
  const before = edit.value.slice(0, edit.start);
  const after = edit.value.slice(edit.end);
  const lead = block && before && !before.endsWith('\n\n') ? (before.endsWith('\n') ? '\n' : '\n\n') : '';
  const trail = block && after && !after.startsWith('\n\n') ? (after.startsWith('\n') ? '\n' : '\n\n') : '';
  const value = `${before}${lead}${text}${trail}${after}`;
  const caret = before.length + lead.length + text.length;
  return { value, start: caret, end: caret };
}

export const link = (e: Edit, label: string, href: string) => insert(e, `[${escapeLabel(label)}](${href.replace(/[()\s]/g, encodeURIComponent)})`);

/** A picture of the course's media folder, as lessons refer to it (`lessons/x.md` → `../media/name`). */
export const image = (e: Edit, alt: string, name: string) => insert(e, `![${escapeLabel(alt)}](../media/${name})`, true);
