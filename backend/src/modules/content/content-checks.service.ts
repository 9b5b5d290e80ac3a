import { Injectable } from '@nestjs/common';
import type { QuestionDefaults, QuestionDraft } from './files/content-model';
import { type ContentSet, readContent } from './files/content-reader';
import { type ContentLimits, DEFAULT_LIMITS } from './files/content-tree';
import { type MediaVerdict, validateMediaFile } from './files/media-check';
import { type Problem, ProblemSink } from './files/problems';
import { type BankFormat, parseQuestionBank } from './files/question-bank';
import { decodeStrictUtf8 } from './files/strict-text';

/**
 * The content checks as a service, for everything that takes content in besides the files: the
 * coming authoring studio's uploads call the same code as `content:validate` and the importer.
 */
@Injectable()
export class ContentChecksService {
  /** A media upload: allowed type, bytes that match it, size, and for SVG nothing that can run. */
  validateMediaFile(data: Uint8Array, name: string, limits: ContentLimits = DEFAULT_LIMITS): MediaVerdict {
    return validateMediaFile(data, name, { limits: limits.media });
  }

  /** A question bank upload (YAML or GIFT), as bytes (strict UTF-8) or text; problems as `name:line: message`. */
  parseQuestionBank(
    input: Uint8Array | string,
    format: BankFormat,
    name: string,
    defaults: QuestionDefaults = {},
    limits: ContentLimits = DEFAULT_LIMITS,
  ): { questions: QuestionDraft[]; problems: Problem[] } {
    const sink = new ProblemSink(name);
    const size = typeof input === 'string' ? Buffer.byteLength(input) : input.length;
    if (size > limits.textFileBytes) {
      sink.add(1, `file is ${size} bytes; text files may be at most ${limits.textFileBytes} bytes`);
      return { questions: [], problems: sink.problems };
    }
    const decoded = typeof input === 'string' ? decodeStrictUtf8(Buffer.from(input)) : decodeStrictUtf8(input);
    if ('problem' in decoded) {
      sink.add(decoded.problem.line, decoded.problem.message);
      return { questions: [], problems: sink.problems };
    }
    const questions = parseQuestionBank(decoded.text, format, name, sink, defaults);
    return { questions, problems: sink.problems };
  }

  /** A whole content folder, as `content:validate` reads it. */
  validateFolder(dir: string, limits: ContentLimits = DEFAULT_LIMITS): Promise<ContentSet> {
    return readContent(dir, limits);
  }
}
