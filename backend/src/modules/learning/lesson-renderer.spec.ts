import { renderLesson } from './lesson-renderer';

describe('renderLesson', () => {
  it('renders Markdown and escapes any HTML in the source', () => {
    const html = renderLesson('# Tiêu đề\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>', 'khoa-hoc');
    expect(html).toContain('<h1>Tiêu đề</h1>');
    expect(html).not.toMatch(/<script|<img src=x/);
    expect(html).toContain('&lt;script&gt;');
  });

  it('drops dangerous links and images from outside the course', () => {
    const html = renderLesson('[bấm](javascript:alert(1)) ![x](https://evil.example/x.png) ![y](../../../etc/passwd)', 'khoa-hoc');
    // The refused link stays as plain text; nothing becomes a live link or a foreign image.
    expect(html).not.toMatch(/href="javascript:|<a |<img/);
  });

  it('serves course images from the API with their alt text, and opens outside links safely', () => {
    const html = renderLesson('![Màn hình khóa](../media/khoa.svg) [Cổng](https://dichvucong.gov.vn)', 'dien-thoai');
    expect(html).toContain('<img src="/api/courses/dien-thoai/media/khoa.svg" alt="Màn hình khóa" loading="lazy">');
    expect(html).toContain('href="https://dichvucong.gov.vn" rel="noopener noreferrer" target="_blank"');
  });

  it('gives a picture its width and height when they are known, so the text after it keeps its place', () => {
    const sizes = new Map([['khoa.svg', { width: 340, height: 320 }]]);
    const html = renderLesson('![Màn hình khóa](../media/khoa.svg)\n\n![Khác](../media/khac.png)', 'dien-thoai', sizes);
    expect(html).toContain('<img src="/api/courses/dien-thoai/media/khoa.svg" alt="Màn hình khóa" loading="lazy" width="340" height="320">');
    expect(html).toContain('<img src="/api/courses/dien-thoai/media/khac.png" alt="Khác" loading="lazy">');
  });

  it('gives each second-level heading the id the assistant links to', () => {
    expect(renderLesson('## Khi lỡ bị lừa: làm gì?\n\nText', 'k')).toContain('<h2 id="khi-lo-bi-lua-lam-gi">Khi lỡ bị lừa: làm gì?</h2>');
  });
});
