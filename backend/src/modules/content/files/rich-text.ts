import MarkdownIt from 'markdown-it';

/**
 * Moodle's text formats (`[html]`, `[moodle]`, `[markdown]`, `[plain]`) turned into (a) the plain text
 * every quiz text has (grading, search, screen-reader labels, stable ids) and (b) where the source is
 * formatted, Markdown that the lesson renderer turns into the HTML a learner sees. HTML never reaches
 * the page as written: its formatting tags become Markdown and everything else is dropped, so the
 * lesson renderer (raw HTML off, unsafe links refused) stays the only way to markup.
 */
export type TextFormat = 'moodle' | 'html' | 'plain' | 'markdown';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const BREAKS = new Set(['br', 'p', 'div', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'blockquote']);

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const cp = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Reads an HTML fragment once, left to right: text as it stands (entities not yet decoded), tags by
 * lower-case name; scripts and styles skipped whole. Linear in the input whatever it holds.
 */
function walkHtml(html: string, onText: (raw: string) => void, onTag: (name: string, closing: boolean) => void): void {
  const lower = html.toLowerCase();
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      onText(html.slice(i));
      return;
    }
    onText(html.slice(i, lt));
    // `a < b` is text: only `<` before a letter, `/`, `!` or `?` opens a tag, as in HTML.
    if (!/[A-Za-z/!?]/.test(html[lt + 1] ?? '')) {
      onText('<');
      i = lt + 1;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) {
      // No tag can close any more: the rest is text.
      onText(html.slice(lt));
      return;
    }
    const closing = html[lt + 1] === '/';
    const name = /^\/?([a-z0-9]+)/i.exec(html.slice(lt + 1, Math.min(gt, lt + 20)))?.[1]?.toLowerCase() ?? '';
    i = gt + 1;
    if ((name === 'script' || name === 'style') && !closing) {
      const end = lower.indexOf(`</${name}`, gt);
      i = end < 0 ? html.length : html.indexOf('>', end) + 1 || html.length;
      continue;
    }
    onTag(name, closing);
  }
}

/** The text of an HTML fragment in one pass: tags dropped (block ones become line breaks), scripts and styles dropped whole. */
export function htmlToText(html: string): string {
  let out = '';
  walkHtml(
    html,
    (raw) => (out += raw),
    (name) => {
      if (BREAKS.has(name)) out += '\n';
    },
  );
  return decodeEntities(out).split('\n').map((l) => l.trimEnd()).join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

export function toPlainText(text: string, format: TextFormat): string {
  switch (format) {
    case 'plain':
      return text.trim();
    case 'markdown':
      return htmlToText(md.render(text));
    case 'html':
    case 'moodle':
      return htmlToText(text);
  }
}

/** Formatting tags kept from HTML, as the Markdown that says the same. */
const EMPHASIS: Record<string, string> = { b: '**', strong: '**', i: '*', em: '*', h1: '**', h2: '**', h3: '**', h4: '**', h5: '**', h6: '**' };
const PARAGRAPHS = new Set(['p', 'div', 'table', 'tr', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Every ASCII punctuation a Markdown reader could take as syntax, escaped (CommonMark allows it for all). */
const escapeMarkdown = (text: string) => text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');

/** Deeper emphasis is kept as text: bounds the work of closing tags (each joins what it holds). */
const MAX_EMPHASIS_DEPTH = 16;

/**
 * An HTML fragment as Markdown, in one pass: bold, italics, paragraphs, line breaks and lists kept;
 * every other tag dropped with its text kept (scripts and styles dropped whole); text escaped so it
 * reads as text. `newlines`: Moodle's auto-format turns line breaks of the source into breaks.
 */
export function htmlToMarkdown(html: string, newlines: boolean): string {
  const parts: string[] = [];
  const open: { tag: string; at: number }[] = [];
  const lists: string[] = [];
  const text = (raw: string) => {
    if (!raw) return;
    const decoded = escapeMarkdown(decodeEntities(raw));
    parts.push(newlines ? decoded.replace(/[ \t]*\n[ \t]*/g, '\\\n') : decoded.replace(/\s+/g, ' '));
  };
  const close = (tag: string) => {
    let at = open.length - 1;
    while (at >= 0 && open[at]!.tag !== tag) at--;
    if (at < 0) return;
    const from = open[at]!.at;
    open.length = at;
    const inner = parts.splice(from).join('');
    const body = inner.trim();
    const marker = EMPHASIS[tag]!;
    // Markers hug the words: `** Đâu **` would not be bold.
    parts.push(body ? `${inner.slice(0, inner.length - inner.trimStart().length)}${marker}${body}${marker}${inner.slice(inner.trimEnd().length)}` : inner);
  };
  walkHtml(html, text, (name, closing) => {
    if (name === 'br') parts.push('\\\n');
    else if (name === 'ul' || name === 'ol') {
      if (closing) lists.pop();
      else lists.push(name);
      parts.push('\n\n');
    } else if (name === 'li' && !closing) parts.push(`\n${lists.at(-1) === 'ol' ? '1.' : '-'} `);
    if (PARAGRAPHS.has(name)) parts.push('\n\n');
    if (EMPHASIS[name]) {
      if (closing) close(name);
      else if (open.length < MAX_EMPHASIS_DEPTH) open.push({ tag: name, at: parts.length });
    }
  });
  return parts
    .join('')
    .replace(/[ \t]{2,}/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const HAS_FORMATTING = /<\/?(b|strong|i|em|br|p|div|ul|ol|li|h[1-6]|table|tr|blockquote)\b/i;

/**
 * The Markdown of a formatted text, or null when there is nothing to show beyond its plain text
 * (plain texts, and HTML without a formatting tag); Markdown sources are kept as they are.
 */
export function toQuizMarkdown(text: string, format: TextFormat): string | null {
  switch (format) {
    case 'plain':
      return null;
    case 'markdown':
      return /<(?!\/?p>)/.test(md.render(text)) ? text.trim() : null;
    case 'html':
    case 'moodle':
      return HAS_FORMATTING.test(text) ? htmlToMarkdown(text, format === 'moodle') || null : null;
  }
}
