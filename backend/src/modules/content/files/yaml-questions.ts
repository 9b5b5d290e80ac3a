import type { z } from 'zod';
import type { ChoiceOption, QuestionDraft } from './content-model';
import type { ProblemSink } from './problems';
import { check, questionSchema } from './schemas';
import type { YamlSource } from './yaml-source';

type Parsed = z.infer<typeof questionSchema>;
const letter = (i: number) => String.fromCharCode(97 + i);

/** Turns each question of a YAML bank into the common model, reporting what is missing by line. */
export function readYamlQuestions(source: YamlSource, file: string, sink: ProblemSink): QuestionDraft[] {
  const raw = (source.value as { questions?: unknown[] }).questions ?? [];
  const out: QuestionDraft[] = [];
  raw.forEach((value, i) => {
    const q = check(questionSchema, value, source, sink, ['questions', i]);
    if (!q) return;
    const line = source.lineOf(['questions', i]);
    const problem = (message: string) => sink.add(line, `question ${q.id} ${message}`);
    const draft = toDraft(q, file, line, problem);
    if (draft) out.push(draft);
  });
  return out;
}

function toDraft(q: Parsed, file: string, line: number, problem: (m: string) => void): QuestionDraft | null {
  const fail = (message: string): null => {
    problem(message);
    return null;
  };
  const base = { externalId: q.id, type: q.type, competency: q.competency, level: q.level, prompt: q.prompt, explanation: q.explanation, file, line };
  const twoWay = q.feedback as Record<string, string> | undefined;
  switch (q.type) {
    case 'single':
    case 'multiple': {
      if (!q.options) return fail('needs options');
      const correct = q.options.filter((o) => o.correct).length;
      if (correct === 0) return fail('has no correct answer');
      if (q.type === 'single' && correct > 1) return fail('is single choice but has several correct answers');
      const options: ChoiceOption[] = q.options.map((o, i) => ({ id: letter(i), text: o.text, correct: o.correct, weight: o.correct ? Math.round(100 / correct) : 0, feedback: o.feedback }));
      return { ...base, options };
    }
    case 'true_false': {
      if (q.answer === undefined) return fail('needs answer: true or false');
      if (!twoWay?.true || !twoWay.false) return fail('needs feedback for true and for false');
      return {
        ...base,
        options: [
          { id: 'true', text: 'Đúng', correct: q.answer, weight: q.answer ? 100 : 0, feedback: twoWay.true },
          { id: 'false', text: 'Sai', correct: !q.answer, weight: q.answer ? 0 : 100, feedback: twoWay.false },
        ],
      };
    }
    case 'ordering': {
      if (!q.options) return fail('needs options in the correct order');
      return { ...base, options: q.options.map((o, i) => ({ id: letter(i), text: o.text, correct: true, weight: 0, feedback: o.feedback })) };
    }
    case 'short_text': {
      if (!q.accepted) return fail('has no accepted answer');
      if (!twoWay?.correct || !twoWay.incorrect) return fail('needs feedback for correct and incorrect');
      return { ...base, accepted: q.accepted, feedback: { correct: twoWay.correct, incorrect: twoWay.incorrect } };
    }
    case 'numerical': {
      if (!q.numbers) return fail('needs numbers: [{ value, tolerance }]');
      if (!twoWay?.correct || !twoWay.incorrect) return fail('needs feedback for correct and incorrect');
      const feedback = { correct: twoWay.correct, incorrect: twoWay.incorrect };
      return { ...base, numbers: q.numbers.map((n) => ({ value: n.value, tolerance: n.tolerance, weight: 100, feedback: feedback.correct })), feedback };
    }
    case 'matching': {
      if (!q.pairs) return fail('needs at least two pairs');
      if (!twoWay?.correct || !twoWay.incorrect) return fail('needs feedback for correct and incorrect');
      return { ...base, pairs: q.pairs, feedback: { correct: twoWay.correct, incorrect: twoWay.incorrect } };
    }
  }
}
