import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { CompletionRecord } from './completion-record.entity';

/** The rendered PDF of a record: one per record (the key), so a retried job cannot store two. */
@Entity('certificate_files')
export class CertificateFile {
  @PrimaryColumn({ type: 'uuid' })
  recordId: string;

  @OneToOne(() => CompletionRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'record_id' })
  record?: CompletionRecord;

  @Column({ type: 'bytea' })
  content: Buffer;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
