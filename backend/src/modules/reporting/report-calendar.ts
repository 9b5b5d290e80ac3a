import { VN_OFFSET_MS } from '../../common/time/vietnam-day';

/** The movement's reporting calendar: monthly, quarterly, half-yearly and yearly reports, with configurable due dates. */
export const REPORT_KINDS = ['monthly', 'quarterly', 'half_yearly', 'yearly'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export type ReportCalendar = {
  /** Day of the month a monthly report is due (the movement: before the 25th). */
  monthlyDueDay: number;
  /** Day of a quarter's last month its report is due. */
  quarterlyDueDay: number;
  /** MM-DD the half-yearly report is due (20 May) and the yearly one (20 November). */
  halfYearDue: string;
  yearDue: string;
  /** Days between the cut-off (figures frozen) and the due date, for the unit to review and submit. */
  reviewDays: number;
};

export const DEFAULT_CALENDAR: ReportCalendar = { monthlyDueDay: 25, quarterlyDueDay: 20, halfYearDue: '05-20', yearDue: '11-20', reviewDays: 5 };

export type ReportPeriod = { kind: ReportKind; period: string; from: string; to: string; cutoff: Date; due: Date };

/** Midnight at the start of a day in Vietnam time. */
const vnDay = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day) - VN_OFFSET_MS);
const ym = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/** The period of a kind that a date falls in (Vietnam time), with its months, cut-off and due date. */
export function periodAt(kind: ReportKind, at: Date, cal: ReportCalendar = DEFAULT_CALENDAR): ReportPeriod {
  const local = new Date(at.getTime() + VN_OFFSET_MS);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + 1;
  switch (kind) {
    case 'monthly':
      return withCutoff({ kind, period: ym(year, month), from: ym(year, month), to: ym(year, month), due: vnDay(year, month, cal.monthlyDueDay) }, cal);
    case 'quarterly': {
      const q = Math.ceil(month / 3);
      return withCutoff({ kind, period: `${year}-Q${q}`, from: ym(year, q * 3 - 2), to: ym(year, q * 3), due: vnDay(year, q * 3, cal.quarterlyDueDay) }, cal);
    }
    case 'half_yearly':
    case 'yearly': {
      const [m, d] = (kind === 'yearly' ? cal.yearDue : cal.halfYearDue).split('-').map(Number) as [number, number];
      return withCutoff({ kind, period: kind === 'yearly' ? `${year}` : `${year}-H1`, from: ym(year, 1), to: ym(year, m), due: vnDay(year, m, d) }, cal);
    }
  }
}

/** A period by its key ('2026-11', '2026-Q4', '2026-H1', '2026'), or null if the key is not one of that kind. */
export function periodByKey(kind: ReportKind, key: string, cal: ReportCalendar = DEFAULT_CALENDAR): ReportPeriod | null {
  const patterns: Record<ReportKind, RegExp> = { monthly: /^(\d{4})-(0[1-9]|1[0-2])$/, quarterly: /^(\d{4})-Q([1-4])$/, half_yearly: /^(\d{4})-H1$/, yearly: /^(\d{4})$/ };
  const m = patterns[kind].exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  const month = kind === 'monthly' ? Number(m[2]) : kind === 'quarterly' ? Number(m[2]) * 3 : 1;
  const p = periodAt(kind, vnDay(year, month, 2), cal);
  return p.period === key ? p : null;
}

function withCutoff(p: Omit<ReportPeriod, 'cutoff'>, cal: ReportCalendar): ReportPeriod {
  return { ...p, cutoff: new Date(p.due.getTime() - cal.reviewDays * 86_400_000) };
}
