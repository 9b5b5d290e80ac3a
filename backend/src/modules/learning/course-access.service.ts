import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppException, notFound } from '../../common/errors/app-exception';
import { Course } from '../content/entities/course.entity';
import { Enrolment } from './entities/enrolment.entity';

export const notEnrolled = () =>
  new AppException(HttpStatus.FORBIDDEN, 'NOT_ENROLLED', 'Enrol in the course first');

/** Finds published courses and checks that a learner is enrolled before they learn in one. */
@Injectable()
export class CourseAccessService {
  constructor(private readonly dataSource: DataSource) {}

  async course(slug: string, em: EntityManager = this.dataSource.manager): Promise<Course> {
    const course = await em.getRepository(Course).findOne({ where: { slug } });
    if (!course || course.archivedAt) throw notFound('Course');
    return course;
  }

  /** The learner's live enrolment, locked for this transaction when `lock` is set. */
  async enrolment(em: EntityManager, userId: string, courseId: string, lock = false): Promise<Enrolment> {
    const qb = em.getRepository(Enrolment).createQueryBuilder('e').where('e.user_id = :userId AND e.course_id = :courseId', { userId, courseId });
    if (lock) qb.setLock('pessimistic_write');
    const found = await qb.getOne();
    if (!found || found.status === 'left') throw notEnrolled();
    return found;
  }
}
