import type { NotificationKind, NotificationParams } from './notification-kinds';

type Text = { subject: string; body: string };

const TEXTS: { [K in NotificationKind]: (p: NotificationParams[K]) => Text } = {
  ambassador_nudge: (p) => ({
    subject: 'Đại sứ số nhắc bạn học tiếp',
    body: `${p.ambassadorName} (đại sứ số của bạn) nhắc bạn học tiếp${p.courseTitle ? ` khóa «${p.courseTitle}»` : ''}.`,
  }),
  class_invitation: (p) => ({
    subject: `Lời mời vào lớp «${p.className}»`,
    body: `${p.teacherName} mời bạn vào lớp «${p.className}». Mã lớp: ${p.code}.`,
  }),
  household_invitation: (p) => ({
    subject: 'Lời mời vào gia đình số',
    body: `${p.inviterName} mời bạn vào gia đình «${p.householdName}». Bạn chỉ trở thành thành viên khi tự chấp nhận lời mời.`,
  }),
  stalled_learning: (p) => ({
    subject: `Học tiếp khóa «${p.courseTitle}»`,
    body: `Đã ${p.days} ngày bạn chưa học tiếp khóa «${p.courseTitle}». Mỗi ngày một bài ngắn là đủ.`,
  }),
};

/** The email of a notification, in Vietnamese (the web app shows the same in the reader's language). */
export function emailText<K extends NotificationKind>(kind: K, params: NotificationParams[K], url: string): Text {
  const text = (TEXTS[kind] as (p: NotificationParams[K]) => Text)(params);
  return { subject: text.subject, body: `${text.body}\n\nMở trên nền tảng: ${url}\n\nBạn có thể tắt loại thông báo này trong mục «Thông báo» của tài khoản.` };
}
