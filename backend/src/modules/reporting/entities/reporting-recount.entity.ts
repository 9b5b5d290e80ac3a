import { Check, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type RecountDifference = { table: string; key: Record<string, unknown>; expected: Record<string, number>; actual: Record<string, number> };

/** A recount an administrator asked for: the roll-ups rebuilt from the raw rows, and what differed. */
@Entity('reporting_recounts')
@Check('ck_reporting_recounts_status', `"status" IN ('queued', 'running', 'done', 'failed')`)
export class ReportingRecount {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) requestedById: string;
  @Column({ type: 'varchar', length: 12, default: 'queued' }) status: 'queued' | 'running' | 'done' | 'failed';
  @Column({ type: 'smallint', default: 0 }) progress: number;
  /** Rows that differed (and were corrected). */
  @Column({ type: 'integer', nullable: true }) differenceCount: number | null;
  /** The first differences, for a person to read. */
  @Column({ type: 'jsonb', default: () => `'[]'` }) differences: RecountDifference[];
  @Column({ type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) finishedAt: Date | null;
}
