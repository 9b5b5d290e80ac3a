import {
  Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn,
} from 'typeorm';
import { Organisation } from '../../organisations/entities/organisation.entity';
import { AdminUnit } from '../../units/entities/admin-unit.entity';

/** The four target groups of Quyết định 757/QĐ-BKHCN. */
export const TARGET_GROUPS = ['public_servant', 'student', 'worker', 'citizen'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const ROLES = ['learner', 'teacher', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const SCOPE_LEVELS = ['nation', 'province', 'commune'] as const;
export type ScopeLevel = (typeof SCOPE_LEVELS)[number];

export type UserStatus = 'active' | 'disabled' | 'deleted';

/**
 * A person. Phone and email are stored encrypted, with a keyed hash beside each for look-ups;
 * deleting an account blanks every personal field and keeps the row for anonymous counts.
 */
@Entity('users')
@Check('ck_users_target_group', `"target_group" IN ('public_servant', 'student', 'worker', 'citizen')`)
@Check('ck_users_role', `"role" IN ('learner', 'teacher', 'admin')`)
@Check('ck_users_scope', `("role" = 'admin') = ("scope_level" IS NOT NULL)`)
@Check('ck_users_status', `"status" IN ('active', 'disabled', 'deleted')`)
@Index('ix_users_province_group', ['provinceId', 'targetGroup'])
@Index('ix_users_unit_group', ['unitId', 'targetGroup'])
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'bytea', nullable: true })
  phoneEnc: Buffer | null;

  @Index('uq_users_phone_hash', { unique: true })
  @Column({ type: 'bytea', nullable: true })
  phoneHash: Buffer | null;

  @Column({ type: 'bytea', nullable: true })
  emailEnc: Buffer | null;

  @Index('uq_users_email_hash', { unique: true })
  @Column({ type: 'bytea', nullable: true })
  emailHash: Buffer | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  passwordHash: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  passwordChangedAt: Date | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  fullName: string | null;

  @Column({ type: 'smallint', nullable: true })
  birthYear: number | null;

  @Column({ type: 'varchar', length: 20 })
  targetGroup: TargetGroup;

  @Column({ type: 'uuid' })
  unitId: string;

  @ManyToOne(() => AdminUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: AdminUnit;

  /** The unit's province, kept beside it so that scoped queries need no join. */
  @Column({ type: 'uuid' })
  provinceId: string;

  @ManyToOne(() => AdminUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'province_id' })
  province?: AdminUnit;

  @Index('ix_users_organisation')
  @Column({ type: 'uuid', nullable: true })
  organisationId: string | null;

  @ManyToOne(() => Organisation, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation | null;

  @Column({ type: 'varchar', length: 16, default: 'learner' })
  role: Role;

  @Column({ type: 'varchar', length: 16, nullable: true })
  scopeLevel: ScopeLevel | null;

  /** The province or commune an administrator answers for; null for the nation. */
  @Column({ type: 'uuid', nullable: true })
  scopeUnitId: string | null;

  @ManyToOne(() => AdminUnit, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'scope_unit_id' })
  scopeUnit?: AdminUnit | null;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status: UserStatus;

  /** Keyed hash (HMAC) of the citizen identity number given by an identity provider; never the number itself. */
  @Index('uq_users_citizen_id_hash', { unique: true })
  @Column({ type: 'bytea', nullable: true })
  citizenIdHash: Buffer | null;

  /** When an identity provider first confirmed who this person is, and which one (`OIDC_PROVIDERS` id). */
  @Column({ type: 'timestamptz', nullable: true })
  identityVerifiedAt: Date | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  identityProvider: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  consentVersion: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  consentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
