import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A passage of a published lesson (a heading and its text), rebuilt by the `assistant-index` job after
 * each content import. Only lessons are read: quiz questions, options and keys never reach this table.
 */
@Entity('assistant_passages')
@Index('uq_assistant_passages_lesson_position', ['lessonId', 'position'], { unique: true })
export class AssistantPassage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  lessonId: string;

  @Column({ type: 'uuid' })
  courseId: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 300 })
  heading: string;

  /** The id of the heading on the lesson page; empty for the lesson's opening text. */
  @Column({ type: 'varchar', length: 100 })
  anchor: string;

  @Column({ type: 'text' })
  text: string;

  /** md5 of the heading and text as embedded (`passageEmbeddingText`): what its vector is stored under. */
  @Column({ type: 'varchar', length: 32 })
  contentHash: string;

  /** Heading and text folded by vn_unaccent() in SQL: what the ranker reads. */
  @Column({ type: 'text' })
  headingFolded: string;

  @Column({ type: 'text' })
  textFolded: string;
}
