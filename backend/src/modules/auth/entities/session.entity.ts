import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity';

/** A login. The cookie holds a random token; only its SHA-256 is stored, so a leaked table opens nothing. */
@Entity('sessions')
export class Session {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_sessions_token_hash', { unique: true })
  @Column({ type: 'bytea' })
  tokenHash: Buffer;

  @Index('ix_sessions_user')
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz' })
  lastSeenAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  revokeReason: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  userAgent: string | null;

  /** A community team member in whose hands (and on whose phone) this resident's session runs; null otherwise. */
  @Column({ type: 'uuid', nullable: true })
  assistedById: string | null;
}
