/**
 * What the validator looks for in a lesson line, found in one left-to-right pass. Regular
 * expressions such as `!\[([^\]]*)\]\(…\)` retry from every `![` and take quadratic time on a long
 * line of openers (a 1 MB line took minutes); these scanners never look at a character twice
 * more than a constant number of times.
 */
export type ImageRef = { alt: string; src: string };

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';

/** Markdown images `![alt](src "title")` in one line. */
export function imagesIn(line: string): ImageRef[] {
  const found: ImageRef[] = [];
  const n = line.length;
  // The end of the `src` that starts at any position in [stopFrom, stop] is `stop`: cached, so a
  // run of openers inside one long src is scanned once.
  let stopFrom = -1;
  let stop = -1;
  const srcEnd = (from: number) => {
    if (from >= stopFrom && from <= stop) return stop;
    let j = from;
    while (j < n && line[j] !== ')' && !isSpace(line[j])) j++;
    [stopFrom, stop] = [from, j];
    return j;
  };
  let noQuoteFrom = n + 1;
  let i = 0;
  while (i < n) {
    const open = line.indexOf('![', i);
    if (open < 0) break;
    const close = line.indexOf(']', open + 2);
    if (close < 0) break;
    // The innermost opener before the `]` owns it, as in CommonMark.
    const start = line.lastIndexOf('![', close);
    i = close + 1;
    if (line[close + 1] !== '(') continue;
    const srcStart = close + 2;
    let j = srcEnd(srcStart);
    if (j === srcStart) continue;
    const src = line.slice(srcStart, j);
    while (j < n && isSpace(line[j])) j++;
    if (line[j] === '"') {
      const end = j + 1 >= noQuoteFrom ? -1 : line.indexOf('"', j + 1);
      if (end < 0) {
        noQuoteFrom = Math.min(noQuoteFrom, j + 1);
        continue;
      }
      j = end + 1;
      while (j < n && isSpace(line[j])) j++;
    }
    if (line[j] !== ')') continue;
    found.push({ alt: line.slice(start + 2, close), src });
    i = j + 1;
  }
  return found;
}

/** Whether the line holds something a browser would read as an HTML tag: `<a…>` or `</a…>`. */
export function hasHtmlTag(line: string): boolean {
  const lastClose = line.lastIndexOf('>');
  if (lastClose < 0) return false;
  const opener = /<\/?[A-Za-z]/g;
  const m = opener.exec(line);
  return m !== null && m.index < lastClose;
}

/**
 * The Markdown renderer (markdown-it) looks ahead from every unmatched `[` and every emphasis
 * delimiter to the end of its paragraph, at a cost of microseconds each, so a lesson made of
 * thousands of them takes seconds to render (measured: 256 KB of `![` in 4.7 s). Lessons are rendered
 * by the API, so such text is refused here: at most this many of each per paragraph, and ten times
 * as many per lesson, far more than prose ever needs.
 */
export const MAX_OPENERS_PER_PARAGRAPH = 100;
export const MAX_OPENERS_PER_LESSON = 1000;

/** Lines where a paragraph (outside fenced code) or the whole lesson first holds too many `[` or `*`/`_`. */
export function crowdedMarkdown(lines: readonly string[]): { paragraphs: number[]; lesson: number | null } {
  const paragraphs: number[] = [];
  let lesson: number | null = null;
  let fenced = false;
  let start = 0;
  let brackets = 0;
  let emphasis = 0;
  let allBrackets = 0;
  let allEmphasis = 0;
  let reported = false;
  lines.forEach((line, i) => {
    const trimmed = line.trimStart();
    if (trimmed.startsWith('```') || trimmed.startsWith('~~~')) fenced = !fenced;
    if (fenced || trimmed === '') {
      [start, brackets, emphasis, reported] = [i + 1, 0, 0, false];
      return;
    }
    let b = 0;
    let e = 0;
    for (let k = 0; k < line.length; k++) {
      const c = line.charCodeAt(k);
      if (c === 91) b++; // [
      else if (c === 42 || c === 95) e++; // * _
    }
    [brackets, emphasis, allBrackets, allEmphasis] = [brackets + b, emphasis + e, allBrackets + b, allEmphasis + e];
    if (!reported && (brackets > MAX_OPENERS_PER_PARAGRAPH || emphasis > MAX_OPENERS_PER_PARAGRAPH)) {
      paragraphs.push(start);
      reported = true;
    }
    if (lesson === null && (allBrackets > MAX_OPENERS_PER_LESSON || allEmphasis > MAX_OPENERS_PER_LESSON)) lesson = i;
  });
  return { paragraphs, lesson };
}
