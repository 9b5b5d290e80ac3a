/** Splits `---\n<yaml>\n---\n<markdown>`; the body's first line number is kept for reports. */
export function splitFrontMatter(text: string): { yaml: string; body: string; bodyLine: number } | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) return null;
  const yaml = match[1] ?? '';
  return { yaml, body: text.slice(match[0].length), bodyLine: match[0].split('\n').length };
}
