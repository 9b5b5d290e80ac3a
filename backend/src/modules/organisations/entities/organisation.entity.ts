import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AdminUnit } from '../../units/entities/admin-unit.entity';

export const ORGANISATION_KINDS = ['agency', 'school', 'enterprise', 'cooperative', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** An agency, school, enterprise or co-op that learners belong to; reports group by it. */
@Entity('organisations')
@Unique('uq_organisations_province_kind_name', ['provinceId', 'kind', 'normalizedName'])
@Check('ck_organisations_kind', `"kind" IN ('agency', 'school', 'enterprise', 'cooperative', 'other')`)
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Lower-cased, accent-free, single-spaced name, so "THPT Chu Văn An" and "thpt chu van an" are one. */
  @Column({ type: 'varchar', length: 200 })
  normalizedName: string;

  @Column({ type: 'varchar', length: 16 })
  kind: OrganisationKind;

  @Column({ type: 'uuid' })
  provinceId: string;

  @ManyToOne(() => AdminUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'province_id' })
  province?: AdminUnit;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
