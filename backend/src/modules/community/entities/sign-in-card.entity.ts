import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A printed or on-screen card whose QR code signs its holder in; only the code's hash is kept. */
@Entity('sign_in_cards')
@Index('ix_sign_in_cards_user', ['userId'])
export class SignInCard {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @Index('uq_sign_in_cards_code_hash', { unique: true })
  @Column({ type: 'bytea' })
  codeHash: Buffer;

  @Column({ type: 'uuid' })
  issuedById: string;

  @Column({ type: 'timestamptz' })
  issuedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
