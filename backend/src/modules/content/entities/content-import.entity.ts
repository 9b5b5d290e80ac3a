import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ContentImportReport = { created: string[]; updated: string[]; unchanged: string[]; archived: string[] };

/** An import started from the API: its job fills progress and the report. */
@Entity('content_imports')
@Check('ck_content_imports_status', `"status" IN ('queued', 'running', 'done', 'failed')`)
export class ContentImport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status: 'queued' | 'running' | 'done' | 'failed';

  @Column({ type: 'smallint', default: 0 })
  progress: number;

  @Column({ type: 'jsonb', nullable: true })
  report: ContentImportReport | null;

  /** `file:line: message` lines when the files did not validate. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  problems: string[];

  @Column({ type: 'uuid', nullable: true })
  requestedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
