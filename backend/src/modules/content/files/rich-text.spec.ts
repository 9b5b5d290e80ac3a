import { renderQuizText } from '../../learning/lesson-renderer';
import { htmlToMarkdown, toPlainText, toQuizMarkdown } from './rich-text';

const shown = (text: string, format: Parameters<typeof toQuizMarkdown>[1]) => {
  const markdown = toQuizMarkdown(text, format);
  return markdown === null ? null : renderQuizText(markdown).trim();
};

describe('quiz texts in Moodle formats', () => {
  it('keeps bold, italics, paragraphs and lists of HTML, with the bold hugging its words', () => {
    expect(shown('<p>Đâu là <b> mật khẩu mạnh </b>?</p><ul><li>Có <i>chữ</i></li><li>Có số</li></ul>', 'html')).toBe(
      '<p>Đâu là <strong>mật khẩu mạnh</strong> ?</p>\n<ul>\n<li>Có <em>chữ</em></li>\n<li>Có số</li>\n</ul>',
    );
  });

  it('drops scripts, handlers, styles and links of HTML: nothing active reaches the page', () => {
    const html = shown('<b onclick="x()">Chú ý</b><script>alert(1)</script><a href="javascript:alert(2)">bấm</a><img src=x onerror=alert(3)><style>*{}</style>', 'html')!;
    expect(html).toBe('<p><strong>Chú ý</strong>bấm</p>');
  });

  it('reads the text of HTML as text: Markdown signs in it stay signs', () => {
    expect(shown('<p>Bấm *101# rồi [OK] _ngay_</p>', 'html')).toBe('<p>Bấm *101# rồi [OK] _ngay_</p>');
    expect(toPlainText('<p>Bấm *101#</p>', 'html')).toBe('Bấm *101#');
  });

  it("turns line breaks into breaks in Moodle's auto-format, and spaces in HTML", () => {
    expect(htmlToMarkdown('Dòng một\nDòng <b>hai</b>', true)).toBe('Dòng một\\\nDòng **hai**');
    expect(htmlToMarkdown('Dòng một\nDòng <b>hai</b>', false)).toBe('Dòng một Dòng **hai**');
  });

  it('renders Markdown through the lesson renderer with raw HTML escaped and unsafe links refused', () => {
    expect(shown('**Đúng** hay _sai_? <b>x</b> [mở](javascript:alert(1))', 'markdown')).toBe(
      '<p><strong>Đúng</strong> hay <em>sai</em>? &lt;b&gt;x&lt;/b&gt; [mở](javascript:alert(1))</p>',
    );
  });

  it('keeps nothing extra for texts without formatting', () => {
    expect(toQuizMarkdown('Mật khẩu mạnh là gì?', 'moodle')).toBeNull();
    expect(toQuizMarkdown('Mật khẩu <span>mạnh</span>', 'html')).toBeNull();
    expect(toQuizMarkdown('Chỉ là chữ', 'markdown')).toBeNull();
    expect(toQuizMarkdown('**đậm**', 'plain')).toBeNull();
  });
});
