/**
 * Small-count suppression: a count from 1 to minCount − 1 could point at a person, so it is shown as
 * null ("fewer than minCount"); zero stays zero. A rate or mean is shown only when what it is made of is shown.
 */
export class Suppressor {
  constructor(readonly minCount: number) {}

  count(n: number | null): number | null {
    if (n === null) return null;
    return n > 0 && n < this.minCount ? null : n;
  }

  /** part ÷ whole in percent, one decimal. */
  rate(part: number | null, whole: number | null): number | null {
    if (part === null || whole === null || whole === 0) return null;
    if (this.count(part) === null || this.count(whole) === null) return null;
    return Math.round((part / whole) * 1000) / 10;
  }

  mean(sum: number | null, n: number | null): number | null {
    if (sum === null || n === null || n < this.minCount) return null;
    return Math.round((sum / n) * 10) / 10;
  }
}
