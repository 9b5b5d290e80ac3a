import type { Question, QuestionInput, QuestionType } from './types';

/** A question as its editor holds it: every type's fields at once, so switching type loses nothing typed. */
export type QuestionForm = {
  externalId: string;
  type: QuestionType;
  competency: string;
  level: number;
  prompt: string;
  explanation: string;
  /** Choices; `id` and `weight` are kept from the bank (a Moodle weight such as 25 %). */
  options: { id?: string; text: string; correct: boolean; weight?: number; feedback: string }[];
  grading?: 'weights';
  answer: boolean;
  feedbackTrue: string;
  feedbackFalse: string;
  accepted: string[];
  /** A Moodle short answer's weighted answers, sent back unchanged unless the accepted answers were edited. */
  answers?: Question['answers'];
  acceptedBefore: string[];
  pairs: { left: string; right: string }[];
  /** Weight and feedback kept from a Moodle import. */
  numbers: { value: string; tolerance: string; weight: number; feedback: string }[];
  feedbackCorrect: string;
  feedbackIncorrect: string;
};

export const TYPES: QuestionType[] = ['single', 'multiple', 'true_false', 'ordering', 'short_text', 'matching', 'numerical'];
const TRUE_TEXT = 'Đúng';

const blankOption = () => ({ text: '', correct: false, feedback: '' });

export function formOf(q: Question | undefined, competency: string): QuestionForm {
  const tf = q?.type === 'true_false' ? q.options ?? [] : [];
  const truth = tf.find((o) => o.id === 'true' || o.text === TRUE_TEXT);
  const lie = tf.find((o) => o !== truth);
  const accepted = q?.accepted ?? q?.answers?.filter((a) => a.weight === 100).map((a) => a.text) ?? [];
  return {
    externalId: q?.externalId ?? '',
    type: q?.type ?? 'single',
    competency: q?.competency ?? competency,
    level: q?.level ?? 1,
    prompt: q?.prompt ?? '',
    explanation: q?.explanation ?? '',
    options: q && q.type !== 'true_false' && q.options?.length ? q.options.map((o) => ({ id: o.id, text: o.text, correct: o.correct, weight: o.weight, feedback: o.feedback })) : [blankOption(), blankOption()],
    answer: truth?.correct ?? true,
    feedbackTrue: truth?.feedback ?? '',
    feedbackFalse: lie?.feedback ?? '',
    grading: q?.grading,
    accepted: accepted.length ? accepted : [''],
    answers: q?.answers,
    acceptedBefore: accepted,
    pairs: q?.pairs?.length ? q.pairs : [{ left: '', right: '' }, { left: '', right: '' }],
    numbers: q?.numbers?.length ? q.numbers.map((n) => ({ value: n.value === null ? '' : String(n.value), tolerance: String(n.tolerance), weight: n.weight, feedback: n.feedback })) : [{ value: '', tolerance: '0', weight: 100, feedback: '' }],
    feedbackCorrect: q?.feedback?.correct ?? '',
    feedbackIncorrect: q?.feedback?.incorrect ?? '',
  };
}

const num = (s: string) => Number(s.trim().replace(',', '.'));

/** What the API stores for this type; fields of other types are left out. */
export function bodyOf(f: QuestionForm): QuestionInput {
  // No id typed: the API makes one from the prompt.
  const common = { ...(f.externalId.trim() ? { externalId: f.externalId.trim() } : {}), type: f.type, competency: f.competency, level: f.level, prompt: f.prompt.trim(), explanation: f.explanation.trim() };
  const feedback = { correct: f.feedbackCorrect.trim(), incorrect: f.feedbackIncorrect.trim() };
  switch (f.type) {
    case 'single':
    case 'multiple':
    case 'ordering':
      return {
        ...common,
        options: f.options.map((o) => ({ ...(o.id ? { id: o.id } : {}), text: o.text.trim(), correct: f.type === 'ordering' ? true : o.correct, ...(o.weight === undefined ? {} : { weight: o.weight }), feedback: o.feedback.trim() })),
        ...(f.grading && f.type === 'multiple' ? { grading: f.grading } : {}),
      };
    case 'true_false':
      return {
        ...common,
        options: [
          { text: TRUE_TEXT, correct: f.answer, feedback: f.feedbackTrue.trim() },
          { text: 'Sai', correct: !f.answer, feedback: f.feedbackFalse.trim() },
        ],
      };
    case 'short_text': {
      const accepted = f.accepted.map((a) => a.trim()).filter(Boolean);
      const unchanged = f.answers && JSON.stringify(accepted) === JSON.stringify(f.acceptedBefore);
      return { ...common, accepted, ...(unchanged ? { answers: f.answers } : {}), feedback };
    }
    case 'matching':
      return { ...common, pairs: f.pairs.map((p) => ({ left: p.left.trim(), right: p.right.trim() })), feedback };
    case 'numerical':
      return { ...common, numbers: f.numbers.map((n) => ({ value: num(n.value), tolerance: num(n.tolerance) || 0, weight: n.weight, feedback: n.feedback })), feedback };
  }
}

/** The checks a person can fix before sending, by field id; the server checks again. */
export function checkQuestion(f: QuestionForm, t: (key: string) => string): Record<string, string> {
  const e: Record<string, string> = {};
  if (!f.prompt.trim()) e['q-prompt'] = t('question.promptRequired');
  if (!f.competency) e['q-competency'] = t('question.competencyRequired');
  if (f.type === 'single' || f.type === 'multiple' || f.type === 'ordering') {
    if (f.options.length < 2) e['q-options'] = t('question.twoOptions');
    f.options.forEach((o, i) => {
      if (!o.text.trim()) e[`q-option-${i}`] = t('question.optionRequired');
      else if (!o.feedback.trim()) e[`q-option-feedback-${i}`] = t('question.feedbackRequired');
    });
    const right = f.options.filter((o) => o.correct).length;
    if (f.type === 'single' && right !== 1) e['q-options'] = t('question.oneCorrect');
    if (f.type === 'multiple' && right < 1) e['q-options'] = t('question.someCorrect');
  }
  if (f.type === 'true_false' && (!f.feedbackTrue.trim() || !f.feedbackFalse.trim())) e['q-feedback-true'] = t('question.feedbackBoth');
  if (f.type === 'short_text' && !f.accepted.some((a) => a.trim())) e['q-accepted-0'] = t('question.acceptedRequired');
  if (f.type === 'matching') {
    if (f.pairs.filter((p) => p.left.trim()).length < 2) e['q-pairs'] = t('question.twoPairs');
    f.pairs.forEach((p, i) => {
      if (!p.right.trim()) e[`q-pair-right-${i}`] = t('question.rightRequired');
    });
  }
  if (f.type === 'numerical') {
    f.numbers.forEach((n, i) => {
      if (!Number.isFinite(num(n.value)) || !n.value.trim()) e[`q-number-${i}`] = t('question.numberInvalid');
      if (n.tolerance.trim() && !(num(n.tolerance) >= 0)) e[`q-tolerance-${i}`] = t('question.toleranceInvalid');
    });
  }
  return e;
}
