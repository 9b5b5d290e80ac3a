import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity';

/** A one-time code, issued by an administrator in scope or sent by email; only its hash is kept. */
@Entity('password_reset_codes')
@Check('ck_password_reset_codes_channel', `"channel" IN ('admin', 'email')`)
export class PasswordResetCode {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_password_reset_codes_user')
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'bytea' })
  codeHash: Buffer;

  @Column({ type: 'varchar', length: 8 })
  channel: 'admin' | 'email';

  @Column({ type: 'uuid', nullable: true })
  issuedById: string | null;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  failedAttempts: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
