import { isAlias, isMap, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { ProblemSink } from './problems';

/**
 * A parsed YAML file that remembers where each value came from, so a problem deep in a question
 * bank points at its own line.
 */
export class YamlSource {
  private constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
    private readonly lineOffset: number,
    private readonly plain: unknown,
  ) {}

  /** Parses `text`; syntax errors go to `sink` and give null. `lineOffset` shifts lines (front matter). */
  static parse(text: string, sink: ProblemSink, lineOffset = 0): YamlSource | null {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length > 0) {
      for (const err of doc.errors) sink.add(lines.linePos(err.pos[0]).line + lineOffset, `invalid YAML: ${err.message.split('\n')[0]}`);
      return null;
    }
    // Aliases (`*name`) are refused: content never needs them, and a few nested ones make an
    // exponentially large value (an "alias bomb"). Custom tags are refused for the same reason.
    let refused = false;
    visit(doc, (_key, node) => {
      if (isAlias(node)) {
        sink.add(lines.linePos(node.range?.[0] ?? 0).line + lineOffset, `YAML aliases (*${node.source}) are not allowed; write the value out`);
        refused = true;
        return visit.BREAK;
      }
      return undefined;
    });
    if (refused) return null;
    try {
      return new YamlSource(doc, lines, lineOffset, doc.toJS({ maxAliasCount: 0 }));
    } catch (err) {
      sink.add(1 + lineOffset, `invalid YAML: ${(err as Error).message.split('\n')[0]}`);
      return null;
    }
  }

  /** The plain value, built once (never re-walked per question). */
  get value(): unknown {
    return this.plain;
  }

  /** The line of the value at `path` (keys and indexes), or of its nearest ancestor that exists. */
  lineOf(path: (string | number)[]): number {
    let node: unknown = this.doc.contents;
    let line = this.nodeLine(node) ?? 1;
    for (const key of path) {
      if (isMap(node)) node = node.get(key, true);
      else if (isSeq(node)) node = node.get(key as number, true);
      else break;
      line = this.nodeLine(node) ?? line;
    }
    return line;
  }

  private nodeLine(node: unknown): number | undefined {
    const range = (node as Node | undefined)?.range;
    return range ? this.lines.linePos(range[0]).line + this.lineOffset : undefined;
  }
}
