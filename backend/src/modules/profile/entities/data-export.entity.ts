import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity';

export type DataExportStatus = 'queued' | 'running' | 'done' | 'failed';

/**
 * A "download my data" request; the worker fills `payload_enc` (the JSON document, sealed with the
 * key that seals phone numbers, since it holds them), the owner downloads it until it expires.
 */
@Entity('data_exports')
@Check('ck_data_exports_status', `"status" IN ('queued', 'running', 'done', 'failed')`)
@Check('ck_data_exports_progress', `"progress" BETWEEN 0 AND 100`)
// One open export per person: a double click, even two requests at once, makes one.
@Index('uq_data_exports_open_per_user', ['userId'], { unique: true, where: `"status" IN ('queued', 'running')` })
export class DataExport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_data_exports_user')
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status: DataExportStatus;

  @Column({ type: 'smallint', default: 0 })
  progress: number;

  @Column({ type: 'bytea', nullable: true })
  payloadEnc: Buffer | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  error: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;
}
