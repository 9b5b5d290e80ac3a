import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A class a teacher opens (e.g. "Lớp kỹ năng số thôn 3, tháng 12"): a named cohort with assigned
 * courses that learners join with a short code. It belongs to a commune, so administrators see the
 * classes of their scope as they see its people.
 */
@Entity('classes')
@Index('ix_classes_teacher', ['teacherId'])
@Index('ix_classes_unit', ['unitId'])
export class LearningClass {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 120 }) name: string;
  @Column({ type: 'uuid' }) teacherId: string;
  /** Six characters from an alphabet without look-alikes (no 0/O, 1/I/L), typed or scanned from the QR code. */
  @Index('uq_classes_join_code', { unique: true })
  @Column({ type: 'varchar', length: 8 }) joinCode: string;
  @Column({ type: 'uuid' }) unitId: string;
  @Column({ type: 'uuid' }) provinceId: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) closedAt: Date | null;
}

@Entity('class_courses')
export class ClassCourse {
  @PrimaryColumn({ type: 'uuid' }) classId: string;
  @PrimaryColumn({ type: 'uuid' }) courseId: string;
}

@Entity('class_members')
@Index('ix_class_members_user', ['userId'])
export class ClassMember {
  @PrimaryColumn({ type: 'uuid' }) classId: string;
  @PrimaryColumn({ type: 'uuid' }) userId: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) joinedAt: Date;
}
