/** One thing wrong in a content file, reported as `file:line: message`. */
export type Problem = { file: string; line: number; message: string; warning?: boolean };

export const formatProblem = (p: Problem) => `${p.file}:${p.line}: ${p.warning ? 'warning: ' : ''}${p.message}`;

/** Collects problems for one file, so readers never stop at the first one. */
export class ProblemSink {
  readonly problems: Problem[] = [];

  constructor(readonly file: string) {}

  add(line: number, message: string): void {
    this.problems.push({ file: this.file, line, message });
  }

  /** Something filled in by default: worth fixing, not worth refusing the file for. */
  warn(line: number, message: string): void {
    this.problems.push({ file: this.file, line, message, warning: true });
  }
}
