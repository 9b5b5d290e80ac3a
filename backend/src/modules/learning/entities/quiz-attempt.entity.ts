import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Quiz } from '../../content/entities/quiz.entity';
import { User } from '../../users/entities/user.entity';

/** One drawn question as this attempt shows it: opaque keys in display order, mapped to the bank. */
export type DrawnQuestion = {
  questionId: string;
  /** Display key → bank option id, in display order (choices, true/false, ordering items). */
  options?: { key: string; optionId: string }[];
  /** Matching: left items and right choices, each shuffled, keyed the same way (right keys map to pair indexes). */
  left?: { key: string; pair: number }[];
  right?: { key: string; pair: number }[];
};

/** A learner's answer to one question, in display keys. */
export type AnswerValue = { choices?: string[]; order?: string[]; text?: string; matches?: Record<string, string> };

export type GradedQuestion = { questionId: string; score: number };

/**
 * One try at a quiz. The draw is stored so a reload shows the same questions in the same order;
 * the partial unique index allows one open attempt per learner and quiz, so a double start opens one.
 */
@Entity('quiz_attempts')
@Index('uq_quiz_attempts_number', ['userId', 'quizId', 'number'], { unique: true })
@Index('uq_quiz_attempts_open', ['userId', 'quizId'], { unique: true, where: `"status" = 'in_progress'` })
@Check('ck_quiz_attempts_status', `"status" IN ('in_progress', 'submitted')`)
export class QuizAttempt {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'uuid' })
  quizId: string;

  @ManyToOne(() => Quiz, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'quiz_id' })
  quiz?: Quiz;

  @Index('ix_quiz_attempts_course')
  @Column({ type: 'uuid' })
  courseId: string;

  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'varchar', length: 12, default: 'in_progress' })
  status: 'in_progress' | 'submitted';

  @Column({ type: 'jsonb' })
  questions: DrawnQuestion[];

  /** Saved as the learner goes, so a reload keeps the answers; final at submission. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  answers: Record<string, AnswerValue>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  startedAt: Date;

  /** Server time by which the answers must arrive; null when the quiz is untimed. */
  @Column({ type: 'timestamptz', nullable: true })
  deadlineAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'boolean', default: false })
  late: boolean;

  @Column({ type: 'jsonb', nullable: true })
  graded: GradedQuestion[] | null;

  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  scorePercent: number | null;

  /** Counted towards completion: scored at the pass mark and not late. */
  @Column({ type: 'boolean', nullable: true })
  passed: boolean | null;
}
