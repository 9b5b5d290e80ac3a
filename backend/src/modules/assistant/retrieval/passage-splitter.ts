import { headingAnchor } from '../../../common/text/heading-anchor';

export type SplitPassage = { position: number; heading: string; anchor: string; text: string };

/** Markdown to plain text for quoting: no emphasis marks, list bullets or link targets. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/^\s*#{1,6}\s+/gm, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`>#|]+/g, '')
    .replace(/^\s*(?:[-+]|\d+\.)\s+/gm, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/^ | $/gm, '')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/**
 * A lesson's passages: the text before the first second-level heading (headed by the lesson's title),
 * then each `## heading` with its text, subsections included. The anchor is the id the lesson page
 * gives that heading, so a citation opens the lesson at the passage.
 */
export function splitLesson(lessonTitle: string, body: string): SplitPassage[] {
  const parts: { heading: string; anchor: string; lines: string[] }[] = [{ heading: lessonTitle, anchor: '', lines: [] }];
  for (const line of body.split('\n')) {
    const h2 = /^##\s+(.+?)\s*#*\s*$/.exec(line);
    if (h2) parts.push({ heading: plainText(h2[1]!), anchor: headingAnchor(plainText(h2[1]!)), lines: [] });
    else parts[parts.length - 1]!.lines.push(line);
  }
  return parts
    .map((p) => ({ heading: p.heading, anchor: p.anchor, text: plainText(p.lines.join('\n')) }))
    .filter((p) => p.text.length > 0)
    .map((p, position) => ({ position, ...p }));
}
