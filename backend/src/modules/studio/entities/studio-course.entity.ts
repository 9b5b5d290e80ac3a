import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { QuestionDefaults } from '../../content/files/content-model';

export const STUDIO_STATUSES = ['draft', 'in_review', 'published', 'archived'] as const;
export type StudioStatus = (typeof STUDIO_STATUSES)[number];

/**
 * A course being written in the browser: its draft lives here (and in the studio_* tables around it)
 * until a reviewer publishes it into the learner tables. It belongs to the unit of the person who
 * started it, so administrators and reviewers of that unit's scope review it.
 */
@Entity('studio_courses')
@Check('ck_studio_courses_status', `"status" IN ('draft', 'in_review', 'published', 'archived')`)
@Check('ck_studio_courses_ordering', `"ordering" IN ('sequential', 'free')`)
@Index('uq_studio_courses_slug', ['slug'], { unique: true, where: `"status" <> 'archived'` })
@Index('uq_studio_courses_creation', ['createdById', 'idempotencyKey'], { unique: true })
@Index('ix_studio_courses_unit', ['unitId'])
@Index('ix_studio_courses_province', ['provinceId'])
export class StudioCourse {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 120 }) slug: string;
  @Column({ type: 'varchar', length: 300 }) title: string;
  @Column({ type: 'text', default: '' }) summary: string;
  /** A media name of this course (an image), or null. */
  @Column({ type: 'varchar', length: 130, nullable: true }) coverImage: string | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) targetGroups: string[];
  @Column({ type: 'jsonb', default: () => "'[]'" }) competencies: { code: string; level: number }[];
  @Column({ type: 'int', default: 30 }) estimatedMinutes: number;
  @Column({ type: 'varchar', length: 12, default: 'sequential' }) ordering: 'sequential' | 'free';
  /** Competency and level for pasted GIFT questions that name neither. */
  @Column({ type: 'jsonb', nullable: true }) questionDefaults: QuestionDefaults | null;
  @Column({ type: 'varchar', length: 16, default: 'draft' }) status: StudioStatus;
  /** Optimistic lock of the course's own fields: a save with an older number is a conflict. */
  @Column({ type: 'int', default: 1 }) version: number;
  @Column({ type: 'uuid' }) unitId: string;
  @Column({ type: 'uuid' }) provinceId: string;
  @Column({ type: 'uuid' }) createdById: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) idempotencyKey: string | null;
  /** The learner course this draft publishes into (set at the first publish). */
  @Column({ type: 'uuid', nullable: true }) publishedCourseId: string | null;
  /** Last change to anything of the draft (not bumped by a save that changes nothing). */
  @Column({ type: 'timestamptz', default: () => 'now()' }) editedAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

export const AUTHOR_ROLES = ['owner', 'coauthor'] as const;
export type AuthorRole = (typeof AUTHOR_ROLES)[number];

/** Who writes a course: owners (who also manage the authors) and co-authors. */
@Entity('studio_authors')
@Check('ck_studio_authors_role', `"role" IN ('owner', 'coauthor')`)
@Index('ix_studio_authors_user', ['userId'])
export class StudioAuthor {
  @PrimaryColumn({ type: 'uuid' }) courseId: string;
  @PrimaryColumn({ type: 'uuid' }) userId: string;
  @Column({ type: 'varchar', length: 12 }) role: AuthorRole;
  @Column({ type: 'uuid', nullable: true }) addedById: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) addedAt: Date;
}

/** A reviewer's or an author's remark on the course or one lesson. */
@Entity('studio_comments')
@Index('ix_studio_comments_course', ['courseId', 'createdAt'])
export class StudioComment {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) courseId: string;
  @Column({ type: 'uuid', nullable: true }) lessonId: string | null;
  @Column({ type: 'uuid' }) authorId: string;
  @Column({ type: 'text' }) text: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) resolvedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) resolvedById: string | null;
}

/**
 * The reviewer right an administrator gave a teacher: they may review and publish the courses of
 * this scope (never their own), which lies inside the granting administrator's scope.
 */
@Entity('studio_reviewers')
@Check('ck_studio_reviewers_scope', `"scope_level" IN ('nation', 'province', 'commune') AND (("scope_level" = 'nation') = ("scope_unit_id" IS NULL))`)
export class StudioReviewer {
  @PrimaryColumn({ type: 'uuid' }) userId: string;
  @Column({ type: 'varchar', length: 12 }) scopeLevel: 'nation' | 'province' | 'commune';
  @Column({ type: 'uuid', nullable: true }) scopeUnitId: string | null;
  @Column({ type: 'uuid' }) grantedById: string;
  @CreateDateColumn({ type: 'timestamptz' }) grantedAt: Date;
}
