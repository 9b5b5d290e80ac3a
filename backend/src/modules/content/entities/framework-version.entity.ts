import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { FrameworkDraft } from '../files/content-model';

/** One version of the competency framework; courses, results and records point at it. */
@Entity('framework_versions')
export class FrameworkVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40, unique: true })
  version: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  /** Levels, domains, competencies and target groups as the files state them. */
  @Column({ type: 'jsonb' })
  definition: Pick<FrameworkDraft, 'levels' | 'domains' | 'targetGroups'>;

  /** Per target group, the competencies and minimum levels to be confirmed (editable). */
  @Column({ type: 'jsonb' })
  profiles: FrameworkDraft['profiles'];

  @Column({ type: 'varchar', length: 20 })
  profilesStatus: string;

  @Column({ type: 'boolean', default: false })
  current: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
