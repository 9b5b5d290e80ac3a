import { ContentChecksService } from './content-checks.service';
import { formatProblem } from './files/problems';

/** The checks the authoring studio's uploads will call: the same as the files'. */
describe('ContentChecksService', () => {
  const checks = new ContentChecksService();

  it('checks an uploaded media file by its bytes', () => {
    expect(checks.validateMediaFile(Buffer.from('%PDF-1.7\n'), 'huong-dan.pdf')).toEqual({ kind: 'pdf', mime: 'application/pdf', problems: [] });
    expect(checks.validateMediaFile(Buffer.from('<svg onload="alert(1)"/>'), 'logo.svg').problems).toEqual([{ line: 1, message: 'attribute onload (an event handler) is not allowed in an SVG' }]);
  });

  it('parses an uploaded bank from bytes: strict UTF-8, defaults for GIFT, problems as file:line', () => {
    const gift = Buffer.from('\uFEFF::a:: Mã OTP có nên đọc cho người khác không? {F#Sai: không bao giờ.#Đúng.####OTP là của riêng bạn.}\n');
    const { questions, problems } = checks.parseQuestionBank(gift, 'gift', 'tai-len.gift', { competency: '4.2', level: 1 });
    expect(problems).toEqual([]);
    expect(questions).toMatchObject([{ externalId: 'a', type: 'true_false', competency: '4.2', level: 1 }]);
    const latin = checks.parseQuestionBank(Buffer.from([0x3a, 0x3a, 0x61, 0x3a, 0x3a, 0x20, 0xe9, 0x7b, 0x54, 0x7d]), 'gift', 'tai-len.gift');
    expect(latin.problems.map(formatProblem)).toEqual(['tai-len.gift:1: not valid UTF-8 at byte 6 (save the file as UTF-8; Windows-1258 and other code pages are refused)']);
  });
});
