import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Course } from '../../content/entities/course.entity';
import { User } from '../../users/entities/user.entity';

export type EnrolmentStatus = 'active' | 'left' | 'completed';

/** A person taking a course; leaving keeps the row (and the history), enrolling again reopens it. */
@Entity('enrolments')
@Index('uq_enrolments_user_course', ['userId', 'courseId'], { unique: true })
@Check('ck_enrolments_status', `"status" IN ('active', 'left', 'completed')`)
export class Enrolment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Index('ix_enrolments_course')
  @Column({ type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Column({ type: 'varchar', length: 12, default: 'active' })
  status: EnrolmentStatus;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  enrolledAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  leftAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  /** Where to resume: the lesson last opened. */
  @Column({ type: 'uuid', nullable: true })
  lastLessonId: string | null;
}
