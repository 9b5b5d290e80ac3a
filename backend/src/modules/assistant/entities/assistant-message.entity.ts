import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity';

export type AssistantCitation = { lessonId: string; courseSlug: string; lessonSlug: string; lessonTitle: string; anchor: string; heading: string; quote: string };

/**
 * One question and its answer, kept for the person (history, export) and counted for administrators
 * (usage by unit, questions that found nothing). The question is stored masked: no names, phones or ID numbers.
 * Purged after the retention period and with the person's account.
 */
@Entity('assistant_messages')
@Index('ix_assistant_messages_user', ['userId', 'createdAt'])
@Check('ck_assistant_messages_mode', `"mode" IN ('passages', 'model', 'none')`)
export class AssistantMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** The person's commune and province when asking, for counts in administrators' scopes. */
  @Column({ type: 'uuid', nullable: true })
  unitId: string | null;

  @Column({ type: 'uuid', nullable: true })
  provinceId: string | null;

  @Column({ type: 'text' })
  question: string;

  /** The masked question folded, so the same question typed with or without diacritics counts once. */
  @Column({ type: 'text' })
  questionFolded: string;

  @Column({ type: 'varchar', length: 12 })
  mode: 'passages' | 'model' | 'none';

  @Column({ type: 'text', default: '' })
  answerText: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  citations: AssistantCitation[];

  /** The person's verdict on the answer: null until they give one. */
  @Column({ type: 'boolean', nullable: true })
  helpful: boolean | null;

  @Index('ix_assistant_messages_created')
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
