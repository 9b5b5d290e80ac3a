import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { FrameworkVersion } from './framework-version.entity';

/**
 * A course learners take: imported from content/courses/<slug> (source `files`, archived, never
 * deleted, when its folder goes) or published from the authoring studio (source `studio`).
 */
@Entity('courses')
@Check('ck_courses_ordering', `"ordering" IN ('sequential', 'free')`)
@Check('ck_courses_source', `"source" IN ('files', 'studio')`)
export class Course {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 120, unique: true })
  slug: string;

  @Column({ type: 'uuid' })
  frameworkVersionId: string;

  @ManyToOne(() => FrameworkVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'framework_version_id' })
  frameworkVersion?: FrameworkVersion;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'text', array: true })
  targetGroups: string[];

  @Column({ type: 'jsonb' })
  competencies: { code: string; level: number }[];

  /** Denormalised from `competencies` so the catalogue filters with plain array operators. */
  @Column({ type: 'text', array: true })
  competencyCodes: string[];

  @Column({ type: 'text', array: true })
  domainCodes: string[];

  @Column({ type: 'smallint', array: true })
  levels: number[];

  @Column({ type: 'int' })
  estimatedMinutes: number;

  @Column({ type: 'varchar', length: 12 })
  ordering: 'sequential' | 'free';

  /** Title, summary and lesson titles without diacritics, written by vn_unaccent() in SQL. */
  @Column({ type: 'text', default: '' })
  searchText: string;

  @Column({ type: 'varchar', length: 64 })
  contentHash: string;

  /** Where the course comes from: the files import never touches a studio course, nor a studio publish a shipped one. */
  @Column({ type: 'varchar', length: 8, default: 'files' })
  source: 'files' | 'studio';

  /** Counts the imports and publishes that changed the content; each learning event keeps the one it was made on. */
  @Column({ type: 'int', default: 1 })
  version: number;

  /** `media/<name>` of an image of the course, or null. */
  @Column({ type: 'varchar', length: 140, nullable: true })
  coverImage: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
