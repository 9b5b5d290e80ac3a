import type { QuestionDefaults, QuestionDraft } from './content-model';
import { parseGift } from './gift-parser';
import type { ProblemSink } from './problems';
import { bankSchema, check } from './schemas';
import { readYamlQuestions } from './yaml-questions';
import { YamlSource } from './yaml-source';

export type BankFormat = 'yaml' | 'gift';

/** Bump when a bank is read differently: it is part of every course's hash, so courses re-import. */
export const PARSER_VERSION = 'banks-3';

export const bankFormatOf = (file: string): BankFormat | null => (/\.gift$/i.test(file) ? 'gift' : /\.ya?ml$/i.test(file) ? 'yaml' : null);

/**
 * One question bank, YAML or GIFT, into the common model: the one reader for the files, the CLI and
 * the authoring studio. Problems go to `sink` as `line: message`; an id used twice is an error.
 */
export function parseQuestionBank(text: string, format: BankFormat, file: string, sink: ProblemSink, defaults: QuestionDefaults = {}): QuestionDraft[] {
  let found: QuestionDraft[] = [];
  try {
    if (format === 'gift') found = parseGift(text, file, sink, defaults);
    else {
      const bank = YamlSource.parse(text, sink);
      if (bank && check(bankSchema, bank.value, bank, sink)) found = readYamlQuestions(bank, file, sink);
    }
  } catch (err) {
    sink.add(1, `the bank could not be read: ${(err as Error).message}`);
    return [];
  }
  const first = new Map<string, number>();
  for (const q of found) {
    const line = first.get(q.externalId);
    if (line !== undefined) sink.add(q.line, `question id ${q.externalId} is used twice in this bank (also line ${line})`);
    else first.set(q.externalId, q.line);
  }
  return found;
}
