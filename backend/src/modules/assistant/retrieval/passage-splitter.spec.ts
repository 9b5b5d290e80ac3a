import { plainText, splitLesson } from './passage-splitter';

describe('splitLesson', () => {
  it('makes one passage of the opening and one per second-level heading, with the heading’s page id', () => {
    const passages = splitLesson('Khi lỡ bị lừa', 'Bị lừa không phải lỗi của bạn.\n\n## Trong vài phút đầu\n\n1. **Ngừng** liên lạc.\n\n### Chi tiết\n\nGọi ngân hàng.\n\n## Ghi nhớ\n\n- Ngắt mạng.');
    expect(passages).toEqual([
      { position: 0, heading: 'Khi lỡ bị lừa', anchor: '', text: 'Bị lừa không phải lỗi của bạn.' },
      { position: 1, heading: 'Trong vài phút đầu', anchor: 'trong-vai-phut-dau', text: 'Ngừng liên lạc.\nChi tiết\nGọi ngân hàng.' },
      { position: 2, heading: 'Ghi nhớ', anchor: 'ghi-nho', text: 'Ngắt mạng.' },
    ]);
  });

  it('quotes text without Markdown: no link targets, images or emphasis', () => {
    expect(plainText('Xem [cổng](https://dichvucong.gov.vn) ![ảnh](../media/a.png) **ngay**')).toBe('Xem cổng ngay');
  });
});
