import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Course } from '../content/entities/course.entity';
import { CourseAccessService } from './course-access.service';
import { Enrolment } from './entities/enrolment.entity';
import { LearnerStateCache } from './learner-state-cache';
import { LearningEventsService } from './learning-events.service';
import { type CourseProgress, ProgressService } from './progress.service';

export type MyCourse = { course: Course; enrolment: Enrolment; progress: CourseProgress };

/** Enrolling and leaving: idempotent, and each real change is one learning event. */
@Injectable()
export class EnrolmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CourseAccessService,
    private readonly events: LearningEventsService,
    private readonly progress: ProgressService,
    private readonly states: LearnerStateCache,
  ) {}

  /** Enrols, or re-opens after leaving; enrolling twice changes nothing. */
  async enrol(userId: string, slug: string): Promise<{ enrolment: Enrolment; created: boolean }> {
    return this.dataSource.transaction(async (em) => {
      const course = await this.access.course(slug, em);
      const repo = em.getRepository(Enrolment);
      const inserted = await repo.createQueryBuilder().insert().values({ userId, courseId: course.id }).orIgnore().returning('id').execute();
      let changed = inserted.raw.length > 0;
      const enrolment = await repo.createQueryBuilder('e').setLock('pessimistic_write')
        .where('e.user_id = :userId AND e.course_id = :courseId', { userId, courseId: course.id }).getOneOrFail();
      if (!changed && enrolment.status === 'left') {
        // A course finished before leaving stays finished; its history is the learner's.
        enrolment.status = enrolment.completedAt ? 'completed' : 'active';
        enrolment.leftAt = null;
        enrolment.enrolledAt = new Date();
        await repo.save(enrolment);
        changed = true;
      }
      if (changed) await this.events.append(em, { userId, type: 'enrolled', courseId: course.id });
      return { enrolment, created: changed };
    });
  }

  async leave(userId: string, slug: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const course = await this.access.course(slug, em);
      // TypeORM answers an UPDATE with [rows, count].
      const [left]: [unknown[], number] = await em.query(
        `UPDATE enrolments SET status = 'left', left_at = now() WHERE user_id = $1 AND course_id = $2 AND status <> 'left' RETURNING id`,
        [userId, course.id],
      );
      if (left.length) await this.events.append(em, { userId, type: 'left', courseId: course.id });
    });
    // Committed: no process may keep opening this course's lessons from what it cached.
    await this.states.forget(userId);
  }

  /** "My learning": live enrolments, the most recently active first, each with its progress. */
  async mine(userId: string): Promise<MyCourse[]> {
    const enrolments = await this.dataSource.getRepository(Enrolment).createQueryBuilder('e')
      .innerJoinAndSelect('e.course', 'c', 'c.archived_at IS NULL')
      .where("e.user_id = :userId AND e.status <> 'left'", { userId })
      .orderBy('e.status', 'ASC') // 'active' before 'completed'
      .addOrderBy('e.enrolled_at', 'DESC')
      .getMany();
    return Promise.all(enrolments.map(async (enrolment) => ({ course: enrolment.course!, enrolment, progress: await this.progress.of(userId, enrolment.course!, enrolment) })));
  }

  async progressOf(userId: string, slug: string): Promise<{ course: Course; enrolment: Enrolment; progress: CourseProgress }> {
    const course = await this.access.course(slug);
    const enrolment = await this.access.enrolment(this.dataSource.manager, userId, course.id);
    return { course, enrolment, progress: await this.progress.of(userId, course, enrolment) };
  }
}
