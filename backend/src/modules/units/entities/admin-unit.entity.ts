import {
  Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique,
  UpdateDateColumn,
} from 'typeorm';

export type UnitLevel = 'province' | 'commune';

/**
 * A province or a commune-level unit (xã, phường, đặc khu). The id is ours and never changes;
 * `code` is whatever the imported list calls it, so a new official list can rename or recode units
 * without breaking anyone's link to their unit.
 */
@Entity('admin_units')
@Unique('uq_admin_units_level_code', ['level', 'code'], { deferrable: 'INITIALLY DEFERRED' })
@Check('ck_admin_units_level', `"level" IN ('province', 'commune')`)
export class AdminUnit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  level: UnitLevel;

  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 200 })
  fullName: string;

  @Column({ type: 'varchar', length: 32 })
  type: string;

  @Index('ix_admin_units_parent')
  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => AdminUnit, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: AdminUnit | null;

  /** False when the latest imported list no longer has the unit; it is kept for learners linked to it. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
