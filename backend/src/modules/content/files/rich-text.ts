import MarkdownIt from 'markdown-it';

/**
 * Moodle's text formats (`[html]`, `[moodle]`, `[markdown]`, `[plain]`) turned into the plain text
 * the quiz shows. Markdown goes through markdown-it with raw HTML off (the lesson renderer's
 * settings); HTML loses its tags and keeps its text, line breaks and decoded entities. Nothing of the
 * source's markup can reach the page as markup: quiz texts are rendered as text.
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

/** The text of an HTML fragment in one pass: tags dropped (block ones become line breaks), scripts and styles dropped whole. */
export function htmlToText(html: string): string {
  const lower = html.toLowerCase();
  let out = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    // `a < b` is text: only `<` before a letter, `/`, `!` or `?` opens a tag, as in HTML.
    if (!/[A-Za-z/!?]/.test(html[lt + 1] ?? '')) {
      out += '<';
      i = lt + 1;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) {
      // No tag can close any more: the rest is text.
      out += html.slice(lt);
      break;
    }
    const name = /^\/?([a-z0-9]+)/i.exec(html.slice(lt + 1, Math.min(gt, lt + 20)))?.[1]?.toLowerCase() ?? '';
    if ((name === 'script' || name === 'style') && html[lt + 1] !== '/') {
      const end = lower.indexOf(`</${name}`, gt);
      i = end < 0 ? html.length : html.indexOf('>', end) + 1 || html.length;
      continue;
    }
    if (BREAKS.has(name)) out += '\n';
    i = gt + 1;
  }
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
