import MarkdownIt from 'markdown-it';
import path from 'node:path';
import { headingAnchor } from '../../common/text/heading-anchor';

/**
 * Lesson Markdown to HTML that is safe to insert: raw HTML in the source is escaped (html: false),
 * markdown-it refuses javascript:/vbscript:/file:/data: links, and images may only point at the
 * course's own media folder, served by the API.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

/** The file in the course's media folder that an image's `src` (relative to the lesson) names, or null for anything else. */
export function mediaFileOf(src: string): string | null {
  const inCourse = path.posix.normalize(path.posix.join('lessons', src));
  return /^[a-z]+:/i.test(src) || !inCourse.startsWith('media/') ? null : inCourse.slice('media/'.length);
}

/** `base`: where the course's `media/` is served (none: no pictures, as in quiz texts). */
type RenderEnv = { base?: string; sizes?: ReadonlyMap<string, { width: number; height: number } | null> };

const defaultImage = md.renderer.rules.image!;
md.renderer.rules.image = (tokens, idx, options, env: RenderEnv, self) => {
  const token = tokens[idx]!;
  const file = mediaFileOf(token.attrGet('src') ?? '');
  if (!file || !env.base) return '';
  token.attrSet('src', `${env.base}media/${file}`);
  token.attrSet('loading', 'lazy');
  // The picture's size reserves its place: the text after it does not jump when it arrives.
  const size = env.sizes?.get(file);
  if (size) {
    token.attrSet('width', String(size.width));
    token.attrSet('height', String(size.height));
  }
  return defaultImage(tokens, idx, options, env, self);
};

const defaultLink = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  if (/^https?:/i.test(token.attrGet('href') ?? '')) {
    token.attrSet('rel', 'noopener noreferrer');
    token.attrSet('target', '_blank');
  }
  return defaultLink(tokens, idx, options, env, self);
};

// Second-level headings get the id the assistant's citations link to (`#khi-lo-bi-lua`).
const defaultHeading = md.renderer.rules.heading_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.heading_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const text = tokens[idx + 1]?.children?.filter((c) => c.type === 'text' || c.type === 'code_inline').map((c) => c.content).join('') ?? '';
  if (token.tag === 'h2' && text) token.attrSet('id', headingAnchor(text));
  return defaultHeading(tokens, idx, options, env, self);
};

/**
 * `sizes`: the width and height of the course's pictures by file name, where known; `courseBase`: where
 * the course's `media/` is served (the learners' route, or the studio's for a draft).
 */
export function renderLesson(markdown: string, courseSlug: string, sizes: RenderEnv['sizes'] = new Map(), courseBase = `/api/courses/${courseSlug}/`): string {
  return md.render(markdown, { base: courseBase, sizes } satisfies RenderEnv);
}

/** A quiz text's Markdown (`toQuizMarkdown`), through the same rules as the lessons; quiz texts show no pictures. */
export function renderQuizText(markdown: string): string {
  return md.render(markdown, {});
}

/** The same for a text inside a label (a choice): inline markup only. */
export function renderQuizInline(markdown: string): string {
  return md.renderInline(markdown, {});
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** The words of a rendered lesson, for the voice: tags dropped (a picture says its alternative text), blocks as lines. */
export function plainText(html: string): string {
  return html
    .replace(/<img[^>]*\balt="([^"]*)"[^>]*>/g, ' $1. ')
    .replace(/<\/(p|li|h[1-6]|tr|blockquote)>|<br\s*\/?>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e]!)
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}
