import type { DataSource } from 'typeorm';
import type { AnswerValue, DrawnQuestion } from '../../src/modules/learning/entities/quiz-attempt.entity';
import type { QuestionPayload } from '../../src/modules/content/entities/question.entity';

/** The right answers to a quiz attempt or a self-assessment, worked out from the database as only the server can. */
export async function correctAnswers(dataSource: DataSource, attemptId: string, table: 'quiz_attempts' | 'assessment_attempts' = 'quiz_attempts'): Promise<Record<string, AnswerValue>> {
  const [row]: { questions: DrawnQuestion[] }[] = await dataSource.query(`SELECT questions FROM ${table} WHERE id = $1`, [attemptId]);
  const bank: { id: string; type: string; payload: QuestionPayload }[] = await dataSource.query(
    'SELECT id, type, payload FROM questions WHERE id = ANY($1)', [row!.questions.map((q) => q.questionId)]);
  const byId = new Map(bank.map((q) => [q.id, q]));
  const answers: Record<string, AnswerValue> = {};
  for (const d of row!.questions) {
    const q = byId.get(d.questionId)!;
    const options = q.payload.options ?? [];
    const keyOf = (optionId: string) => d.options!.find((o) => o.optionId === optionId)!.key;
    if (q.type === 'ordering') answers[d.questionId] = { order: options.map((o) => keyOf(o.id)) };
    else if (q.type === 'short_text') answers[d.questionId] = { text: ` ${q.payload.accepted![0]!.toLowerCase()} ` };
    else if (q.type === 'numerical') answers[d.questionId] = { text: String(q.payload.numbers!.find((n) => n.weight === 100)!.value) };
    else if (q.type === 'matching') {
      answers[d.questionId] = { matches: Object.fromEntries(d.left!.map((l) => [l.key, d.right!.find((r) => r.pair === l.pair)!.key])) };
    } else answers[d.questionId] = { choices: options.filter((o) => o.correct).map((o) => keyOf(o.id)) };
  }
  return answers;
}
