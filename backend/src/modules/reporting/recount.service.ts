import { Injectable } from '@nestjs/common';
import { DataSource, type QueryRunner } from 'typeorm';
import type { RecountDifference } from './entities/reporting-recount.entity';
import { ROLLUP_TABLES, type RollupTable } from './rollup-tables';

export type RecountOutcome = { differenceCount: number; differences: RecountDifference[] };

/** How many differences a recount keeps for a person to read (all of them are corrected). */
const KEPT = 50;

/**
 * Rebuilds the roll-ups from the raw rows. The roll-ups and the raw rows are compared in one
 * REPEATABLE READ snapshot, where they agree unless a trigger was missed (the triggers write in the
 * same transaction as the rows they count). The corrections are then added as deltas in a second
 * transaction: learners keep writing meanwhile, and a delta stays right whatever they add after the
 * snapshot, so nothing is locked for the length of the recount.
 */
@Injectable()
export class RecountService {
  constructor(private readonly dataSource: DataSource) {}

  async recount(onProgress: (percent: number) => Promise<void> = async () => undefined, repair = true): Promise<RecountOutcome> {
    const qr = this.dataSource.createQueryRunner();
    await qr.connect();
    try {
      await qr.startTransaction('REPEATABLE READ');
      let differenceCount = 0;
      const differences: RecountDifference[] = [];
      for (const [i, t] of ROLLUP_TABLES.entries()) {
        await qr.query(`DROP TABLE IF EXISTS recount_${t.table}`);
        await qr.query(`CREATE TEMP TABLE recount_${t.table} AS ${diffSql(t)}`);
        const [{ n }] = (await qr.query(`SELECT count(*)::int AS n FROM recount_${t.table}`)) as [{ n: number }];
        differenceCount += n;
        if (differences.length < KEPT && n > 0) {
          const rows = (await qr.query(`SELECT * FROM recount_${t.table} LIMIT ${KEPT - differences.length}`)) as Record<string, unknown>[];
          differences.push(...rows.map((r) => describe(t, r)));
        }
        await onProgress(Math.round(((i + 1) / ROLLUP_TABLES.length) * 80));
      }
      await qr.commitTransaction();
      if (repair && differenceCount > 0) await this.repair(qr);
      await onProgress(100);
      return { differenceCount, differences };
    } finally {
      if (qr.isTransactionActive) await qr.rollbackTransaction();
      for (const t of ROLLUP_TABLES) await qr.query(`DROP TABLE IF EXISTS recount_${t.table}`);
      await qr.release();
    }
  }

  private async repair(qr: QueryRunner): Promise<void> {
    await qr.startTransaction();
    for (const t of ROLLUP_TABLES) {
      const keys = t.keys.join(', ');
      if (t.counters.length === 0) {
        await qr.query(`INSERT INTO ${t.table} (${keys}) SELECT ${keys} FROM recount_${t.table} WHERE expected = 1 ORDER BY ${keys} ON CONFLICT DO NOTHING`);
        await qr.query(`DELETE FROM ${t.table} r USING recount_${t.table} d WHERE d.expected = 0 AND ${t.keys.map((k) => `r.${k} = d.${k}`).join(' AND ')}`);
        continue;
      }
      await qr.query(`
        INSERT INTO ${t.table} AS r (${keys}, ${t.counters.join(', ')})
        SELECT ${keys}, ${t.counters.map((c) => `expected_${c} - actual_${c}`).join(', ')} FROM recount_${t.table} ORDER BY ${keys}
        ON CONFLICT (${keys}) DO UPDATE SET ${t.counters.map((c) => `${c} = r.${c} + excluded.${c}`).join(', ')}`);
    }
    await qr.commitTransaction();
  }
}

/** The rows where the roll-up and the raw rows disagree, with both values. */
function diffSql(t: RollupTable): string {
  const on = t.keys.map((k) => `x.${k} = r.${k}`).join(' AND ');
  const keys = t.keys.map((k) => `coalesce(x.${k}, r.${k}) AS ${k}`).join(', ');
  if (t.counters.length === 0) {
    const first = t.keys[0]!;
    return `SELECT ${keys}, (x.${first} IS NOT NULL)::int AS expected, (r.${first} IS NOT NULL)::int AS actual
              FROM ${t.table}_raw x FULL JOIN ${t.table} r ON ${on} WHERE x.${first} IS NULL OR r.${first} IS NULL`;
  }
  const values = t.counters.map((c) => `coalesce(x.${c}, 0) AS expected_${c}, coalesce(r.${c}, 0) AS actual_${c}`).join(', ');
  const differ = t.counters.map((c) => `coalesce(x.${c}, 0) <> coalesce(r.${c}, 0)`).join(' OR ');
  return `SELECT ${keys}, ${values} FROM ${t.table}_raw x FULL JOIN ${t.table} r ON ${on} WHERE ${differ}`;
}

function describe(t: RollupTable, row: Record<string, unknown>): RecountDifference {
  const key = Object.fromEntries(t.keys.map((k) => [k, row[k] instanceof Date ? (row[k] as Date).toISOString().slice(0, 10) : row[k]]));
  const counters = t.counters.length ? t.counters : [''];
  const pick = (prefix: 'expected' | 'actual') =>
    Object.fromEntries(counters.map((c) => [c || 'present', Number(row[c ? `${prefix}_${c}` : prefix])]));
  return { table: t.table, key, expected: pick('expected'), actual: pick('actual') };
}
