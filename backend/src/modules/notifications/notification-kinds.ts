/** What a notification is about; each kind can be stopped by the person (in the app, by email, or both). */
export const NOTIFICATION_KINDS = ['ambassador_nudge', 'class_invitation', 'household_invitation', 'stalled_learning'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The words a notification carries, by kind; the web app writes the sentence in the reader's language. */
export type NotificationParams = {
  ambassador_nudge: { ambassadorName: string; courseTitle: string | null };
  class_invitation: { className: string; teacherName: string; code: string };
  household_invitation: { householdName: string; inviterName: string };
  stalled_learning: { courseTitle: string; days: number };
};
