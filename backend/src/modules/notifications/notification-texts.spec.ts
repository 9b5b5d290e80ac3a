import { emailText } from './notification-texts';

describe('notification emails', () => {
  it('names the course of a stalled enrolment and links to it', () => {
    const text = emailText('stalled_learning', { courseTitle: 'Dịch vụ công trực tuyến', days: 7 }, 'https://hocvu.example.vn/khoa-hoc/dvc');
    expect(text.subject).toBe('Học tiếp khóa «Dịch vụ công trực tuyến»');
    expect(text.body).toContain('Đã 7 ngày');
    expect(text.body).toContain('https://hocvu.example.vn/khoa-hoc/dvc');
  });

  it('writes an ambassador’s reminder with or without a course', () => {
    expect(emailText('ambassador_nudge', { ambassadorName: 'Lan', courseTitle: null }, 'u').body).toMatch(/^Lan \(đại sứ số của bạn\) nhắc bạn học tiếp\./);
    expect(emailText('ambassador_nudge', { ambassadorName: 'Lan', courseTitle: 'An toàn' }, 'u').body).toContain('khóa «An toàn»');
  });
});
