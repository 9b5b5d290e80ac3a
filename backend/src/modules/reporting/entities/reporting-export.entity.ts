import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ExportSource = 'cohort' | 'people' | 'periodic';

/**
 * A table an administrator asked to download, built by a job (progress in `progress`). The scope it
 * was asked in is kept in `params`, so the job sees exactly what the person could see.
 */
@Entity('reporting_exports')
@Index('ix_reporting_exports_requester', ['requestedById', 'createdAt'])
@Check('ck_reporting_exports_status', `"status" IN ('queued', 'running', 'done', 'failed')`)
export class ReportingExport {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) requestedById: string;
  @Column({ type: 'varchar', length: 12 }) source: ExportSource;
  @Column({ type: 'varchar', length: 4 }) format: 'xlsx' | 'csv';
  @Column({ type: 'jsonb' }) params: Record<string, unknown>;
  @Column({ type: 'varchar', length: 12, default: 'queued' }) status: 'queued' | 'running' | 'done' | 'failed';
  @Column({ type: 'smallint', default: 0 }) progress: number;
  @Column({ type: 'integer', nullable: true }) rowCount: number | null;
  @Column({ type: 'varchar', length: 120, nullable: true }) fileName: string | null;
  @Column({ type: 'bytea', nullable: true, select: false }) content: Buffer | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) finishedAt: Date | null;
}
