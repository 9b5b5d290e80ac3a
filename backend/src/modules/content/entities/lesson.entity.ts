import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Course } from './course.entity';

@Entity('lessons')
@Index('uq_lessons_course_slug', ['courseId', 'slug'], { unique: true })
export class Lesson {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Column({ type: 'varchar', length: 120 })
  slug: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text', array: true })
  competencies: string[];

  @Column({ type: 'int' })
  estimatedMinutes: number;

  /** Needed for course completion. */
  @Column({ type: 'boolean', default: true })
  required: boolean;

  @Column({ type: 'jsonb', nullable: true })
  video: { src: string; captions: string; transcript: string } | null;

  /** Set when the lesson left the files: kept for learners' history, hidden from the syllabus. */
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;
}
