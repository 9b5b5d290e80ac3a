import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const IDENTITY_INTENTS = ['signin', 'link', 'reset'] as const;
export type IdentityIntent = (typeof IDENTITY_INTENTS)[number];
export type PendingKind = 'register' | 'reset';

/**
 * One round trip to an identity provider: the state, nonce and PKCE verifier it must come back
 * with, bound to the browser that started it (`browserHash`, the SHA-256 of an httpOnly cookie).
 * Consumed once; a sign-in that needs one more step (registering, a new password) keeps the
 * provider's claims sealed here until that step, briefly.
 */
@Entity('identity_logins')
@Check('ck_identity_logins_intent', `"intent" IN ('signin', 'link', 'reset')`)
@Index('ix_identity_logins_created', ['createdAt'])
export class IdentityLogin {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_identity_logins_state', { unique: true })
  @Column({ type: 'bytea' })
  stateHash: Buffer;

  @Index('ix_identity_logins_browser')
  @Column({ type: 'bytea' })
  browserHash: Buffer;

  @Column({ type: 'varchar', length: 30 })
  provider: string;

  @Column({ type: 'varchar', length: 8 })
  intent: IdentityIntent;

  /** The signed-in person who asked to link the provider (intent `link`). */
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'varchar', length: 64 })
  nonce: string;

  @Column({ type: 'varchar', length: 128 })
  codeVerifier: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  consumedAt: Date | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  pendingKind: PendingKind | null;

  /** The provider's claims (AES-GCM, the contacts' key) while the pending step waits. */
  @Column({ type: 'bytea', nullable: true })
  claimsEnc: Buffer | null;

  @Column({ type: 'timestamptz', nullable: true })
  pendingExpiresAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
