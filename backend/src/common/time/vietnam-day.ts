/** Vietnam's offset from UTC (no daylight saving). */
export const VN_OFFSET_MS = 7 * 3600_000;

/** Vietnam's calendar day as YYYY-MM-DD: it names the daily jobs and the daily allowances. */
export const vietnamDay = (now = new Date()): string => new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
