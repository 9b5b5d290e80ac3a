import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A lesson read aloud, keyed by the SHA-256 of the words spoken: a new version of a lesson gets its own
 * audio, an unchanged one keeps it across imports, and a retried job stores it once.
 */
@Entity('lesson_audio')
export class LessonAudio {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  textHash: string;

  @Column({ type: 'bytea' })
  content: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
