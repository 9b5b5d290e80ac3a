import { readSuggestions } from './suggested-questions';

const single = (over: Record<string, unknown> = {}) => ({
  type: 'single', prompt: 'Ai được biết mã OTP của bạn?', explanation: 'Chỉ mình bạn.',
  options: [{ text: 'Chỉ mình bạn', correct: true }, { text: 'Nhân viên ngân hàng', correct: false }, { text: 'Người bán hàng', correct: false }],
  ...over,
});
const read = (questions: unknown[], max = 10, known: string[] = []) => readSuggestions(JSON.stringify({ questions }), max, known);

describe('readSuggestions', () => {
  it('keeps a valid single-choice item, trimmed, and a true/false statement as Đúng/Sai', () => {
    const out = read([single({ prompt: '  Ai được biết   mã OTP của bạn?  ' }), { type: 'true_false', prompt: 'Ngân hàng hỏi mã OTP là bình thường.', answer: false }]);
    expect(out.dropped).toBe(0);
    expect(out.questions[0]!.prompt).toBe('Ai được biết mã OTP của bạn?');
    expect(out.questions[1]).toEqual({ type: 'true_false', prompt: 'Ngân hàng hỏi mã OTP là bình thường.', explanation: '', options: [{ text: 'Đúng', correct: false }, { text: 'Sai', correct: true }] });
  });

  it.each([
    ['two correct choices', single({ options: [{ text: 'A', correct: true }, { text: 'B', correct: true }, { text: 'C', correct: false }] })],
    ['no correct choice', single({ options: [{ text: 'A', correct: false }, { text: 'B', correct: false }, { text: 'C', correct: false }] })],
    ['two choices only', single({ options: [{ text: 'A', correct: true }, { text: 'B', correct: false }] })],
    ['the same choice twice', single({ options: [{ text: 'Có', correct: true }, { text: 'có', correct: false }, { text: 'C', correct: false }] })],
    ['markup', single({ prompt: 'Bấm <a href="x">vào đây</a> được không?' })],
    ['a correct flag as text', single({ options: [{ text: 'A', correct: 'true' }, { text: 'B', correct: false }, { text: 'C', correct: false }] })],
    ['a prompt too short', single({ prompt: 'OTP?' })],
    ['an unknown type', { type: 'essay', prompt: 'Viết một đoạn văn về mã OTP.' }],
    ['a true/false without its answer', { type: 'true_false', prompt: 'Mã OTP dùng được nhiều lần.' }],
  ])('drops an item with %s', (_why, item) => {
    expect(read([item, single({ prompt: 'Mã OTP dùng được mấy lần?' })])).toMatchObject({ dropped: 1, questions: [{ prompt: 'Mã OTP dùng được mấy lần?' }] });
  });

  it('drops repeats, prompts the bank has and items past the count; finds the JSON inside a code fence', () => {
    const text = '```json\n' + JSON.stringify({ questions: [single(), single(), single({ prompt: 'Mã OTP có mấy chữ số?' }), single({ prompt: 'Câu thứ ba thừa ra?' })] }) + '\n```';
    expect(readSuggestions(text, 2, [])).toMatchObject({ dropped: 2, questions: [{ prompt: 'Ai được biết mã OTP của bạn?' }, { prompt: 'Mã OTP có mấy chữ số?' }] });
    expect(read([single()], 5, ['ai được biết mã OTP của bạn'])).toMatchObject({ dropped: 1, questions: [] });
  });

  it('says when the reply is not the JSON asked for', () => {
    expect(readSuggestions('Xin lỗi, tôi không làm được.', 5)).toEqual({ questions: [], dropped: 0, readable: false });
    expect(readSuggestions('{"questions": [ {"type": "single"', 5).readable).toBe(false);
  });
});
