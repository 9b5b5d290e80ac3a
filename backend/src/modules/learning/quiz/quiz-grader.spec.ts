import type { Question } from '../../content/entities/question.entity';
import type { DrawnQuestion } from '../entities/quiz-attempt.entity';
import { gradeQuestion, resultOf } from './quiz-grader';

const option = (id: string, correct: boolean, weight = correct ? 50 : 0) => ({ id, text: `T${id}`, correct, weight, feedback: `F${id}` });
const question = (type: Question['type'], payload: Question['payload']) => ({ id: 'q', type, payload, explanation: 'E', prompt: 'P', competency: '4.2', level: 1 }) as Question;
const drawnFor = (ids: string[]): DrawnQuestion => ({ questionId: 'q', options: ids.map((id) => ({ key: `k${id}`, optionId: id })) });

describe('gradeQuestion', () => {
  const multiple = question('multiple', { options: [option('a', true), option('b', true), option('c', false)] });
  const drawn = drawnFor(['c', 'a', 'b']);

  it('gives a multiple-answer question full marks only for exactly the right set; a wrong pick cancels a right one', () => {
    expect(gradeQuestion(multiple, drawn, { choices: ['ka', 'kb'] })).toBe(1);
    expect(gradeQuestion(multiple, drawn, { choices: ['ka'] })).toBe(0.5);
    expect(gradeQuestion(multiple, drawn, { choices: ['ka', 'kc'] })).toBe(0);
    expect(gradeQuestion(multiple, drawn, { choices: ['ka', 'kb', 'kc'] })).toBe(0.5);
  });

  it('uses GIFT weights as written, negative ones included', () => {
    const gift = question('multiple', { options: [option('a', true, 50), option('b', true, 50), option('c', false, -50)] });
    expect(gradeQuestion(gift, drawn, { choices: ['ka', 'kc'] })).toBe(0);
    expect(gradeQuestion(gift, drawn, { choices: ['kb'] })).toBe(0.5);
  });

  it('accepts short answers whatever the case, spacing and diacritics', () => {
    const short = question('short_text', { accepted: ['Mã OTP'], feedback: { correct: 'C', incorrect: 'I' } });
    expect(gradeQuestion(short, { questionId: 'q' }, { text: '  ma   otp ' })).toBe(1);
    expect(gradeQuestion(short, { questionId: 'q' }, { text: 'mã PIN' })).toBe(0);
    expect(gradeQuestion(short, { questionId: 'q' }, {})).toBe(0);
  });

  it('grades ordering as all or nothing and matching pair by pair', () => {
    const ordering = question('ordering', { options: [option('a', true), option('b', true), option('c', true)] });
    expect(gradeQuestion(ordering, drawn, { order: ['ka', 'kb', 'kc'] })).toBe(1);
    expect(gradeQuestion(ordering, drawn, { order: ['kb', 'ka', 'kc'] })).toBe(0);
    const matching = question('matching', { pairs: [{ left: 'x', right: 'X' }, { left: 'y', right: 'Y' }], feedback: { correct: 'C', incorrect: 'I' } });
    const m: DrawnQuestion = { questionId: 'q', left: [{ key: 'lx', pair: 0 }, { key: 'ly', pair: 1 }], right: [{ key: 'rY', pair: 1 }, { key: 'rX', pair: 0 }] };
    expect(gradeQuestion(matching, m, { matches: { lx: 'rX', ly: 'rY' } })).toBe(1);
    expect(gradeQuestion(matching, m, { matches: { lx: 'rX', ly: 'rX' } })).toBe(0.5);
    expect(resultOf(matching, m, {}, 0).correctMatches).toEqual({ lx: 'rX', ly: 'rY' });
  });

  it('shows, after submission, every option with whether it was right and its feedback', () => {
    const result = resultOf(multiple, drawn, { choices: ['ka'] }, 0.5);
    expect(result.options).toEqual([
      { key: 'kc', text: 'Tc', correct: false, feedback: 'Fc' },
      { key: 'ka', text: 'Ta', correct: true, feedback: 'Fa' },
      { key: 'kb', text: 'Tb', correct: true, feedback: 'Fb' },
    ]);
    expect(result.explanation).toBe('E');
  });
});
