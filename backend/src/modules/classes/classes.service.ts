import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import QRCode from 'qrcode';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { fieldError, notFound } from '../../common/errors/app-exception';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { whereInScope } from '../admin-users/user-scope';
import type { Principal } from '../auth/decorators';
import { Course } from '../content/entities/course.entity';
import { EnrolmentsService } from '../learning/enrolments.service';
import { User } from '../users/entities/user.entity';
import type { ClassDetailDto, ClassSummaryDto, CreateClassDto, JoinedClassDto } from './dto/class.dto';
import { ClassCourse, ClassMember, LearningClass } from './entities/learning-class.entity';

/** No 0/O, 1/I/L, 5/S: a code read aloud or copied from a board is typed right. */
const CODE_ALPHABET = '2346789ABCDEFGHJKMNPQRTUVWXYZ';
const newJoinCode = () => Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
export const normaliseJoinCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

type Row = { id: string; name: string; joinCode: string; unitName: string; teacherName: string | null; memberCount: number; createdAt: Date };

/**
 * Classes: a teacher sees and changes only their own; an administrator reads those of their scope
 * (the class's commune, in SQL, as for people). Anyone else gets 404.
 */
@Injectable()
export class ClassesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly enrolments: EnrolmentsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(p: Principal, dto: CreateClassDto): Promise<ClassDetailDto> {
    const id = await this.dataSource.transaction(async (em) => {
      const teacher = await em.getRepository(User).findOneByOrFail({ id: p.userId });
      const courseIds = await this.courseIds(em, dto.courses);
      // A clash of two random codes is rare; try again with a new one.
      for (let attempt = 0; ; attempt++) {
        const inserted = await em.createQueryBuilder().insert().into(LearningClass)
          .values({ name: dto.name.trim(), teacherId: p.userId, joinCode: newJoinCode(), unitId: teacher.unitId, provinceId: teacher.provinceId })
          .orIgnore().returning('id').execute();
        const row = inserted.raw as { id: string }[];
        if (row[0]) {
          await this.assignIn(em, row[0].id, courseIds);
          return row[0].id;
        }
        if (attempt > 5) throw new Error('No free join code');
      }
    });
    return this.detail(p, id);
  }

  async list(p: Principal, unitId?: string): Promise<ClassSummaryDto[]> {
    const qb = this.base(p);
    if (unitId) qb.andWhere('(c.unit_id = :unitId OR c.province_id = :unitId)', { unitId });
    return this.summaries(await qb.orderBy('c.created_at', 'DESC').limit(200).getRawMany<Row>());
  }

  async detail(p: Principal, id: string): Promise<ClassDetailDto> {
    const row = await this.base(p).andWhere('c.id = :id', { id }).getRawOne<Row>();
    if (!row) throw notFound('Class');
    const [summary] = await this.summaries([row]);
    const progress = (await this.dataSource.query(
      `SELECT m.user_id AS "userId", u.full_name AS "fullName", m.joined_at AS "joinedAt", cc.course_id AS "courseId",
              e.status AS status, e.completed_at IS NOT NULL AS completed,
              (SELECT count(*) FROM lesson_completions lc JOIN lessons l ON l.id = lc.lesson_id
                WHERE lc.user_id = m.user_id AND lc.course_id = cc.course_id AND l.required AND l.archived_at IS NULL)::int AS done,
              (SELECT count(*) FROM lessons l WHERE l.course_id = cc.course_id AND l.required AND l.archived_at IS NULL)::int AS total,
              EXISTS (SELECT 1 FROM completion_records r WHERE r.user_id = m.user_id AND r.revoked_at IS NULL) AS "holdsRecord"
         FROM class_members m JOIN users u ON u.id = m.user_id
         LEFT JOIN class_courses cc ON cc.class_id = m.class_id
         LEFT JOIN enrolments e ON e.user_id = m.user_id AND e.course_id = cc.course_id
        WHERE m.class_id = $1
        ORDER BY u.full_name, m.user_id`,
      [id],
    )) as { userId: string; fullName: string | null; joinedAt: Date; courseId: string | null; status: string | null; completed: boolean; done: number; total: number; holdsRecord: boolean }[];
    const members = new Map<string, ClassDetailDto['members'][number]>();
    for (const r of progress) {
      const m = members.get(r.userId) ?? { userId: r.userId, fullName: r.fullName ?? '—', joinedAt: r.joinedAt.toISOString(), progress: [], holdsRecord: r.holdsRecord };
      if (r.courseId) m.progress.push({ courseId: r.courseId, enrolled: r.status !== null && r.status !== 'left', lessonsDone: r.done, lessonsTotal: r.total, completed: r.completed });
      members.set(r.userId, m);
    }
    return { ...summary!, joinUrl: this.joinUrl(row.joinCode), members: [...members.values()] };
  }

  /** The courses of a class, replaced; members are enrolled in any newly assigned course. */
  async assign(p: Principal, id: string, slugs: string[]): Promise<ClassDetailDto> {
    await this.owned(p, id);
    await this.dataSource.transaction(async (em) => {
      const courseIds = await this.courseIds(em, slugs);
      await em.getRepository(ClassCourse).delete({ classId: id });
      await this.assignIn(em, id, courseIds);
    });
    const members = await this.dataSource.getRepository(ClassMember).findBy({ classId: id });
    for (const m of members) for (const slug of new Set(slugs)) await this.enrolments.enrol(m.userId, slug);
    return this.detail(p, id);
  }

  /** Joining twice changes nothing; joining enrols the learner in the class's courses. */
  async join(userId: string, code: string): Promise<JoinedClassDto> {
    const cls = await this.dataSource.getRepository(LearningClass).findOneBy({ joinCode: normaliseJoinCode(code) });
    if (!cls || cls.closedAt) throw fieldError(HttpStatus.NOT_FOUND, 'CLASS_NOT_FOUND', 'code', 'No open class has this code');
    await this.dataSource.createQueryBuilder().insert().into(ClassMember).values({ classId: cls.id, userId }).orIgnore().execute();
    const courses = await this.coursesOf([cls.id]);
    for (const c of courses.get(cls.id) ?? []) await this.enrolments.enrol(userId, c.slug);
    return { id: cls.id, name: cls.name, courses: courses.get(cls.id) ?? [] };
  }

  async joined(userId: string): Promise<JoinedClassDto[]> {
    const classes = await this.dataSource.getRepository(LearningClass).createQueryBuilder('c')
      .innerJoin(ClassMember, 'm', 'm.class_id = c.id AND m.user_id = :userId', { userId }).orderBy('m.joined_at', 'DESC').getMany();
    const courses = await this.coursesOf(classes.map((c) => c.id));
    return classes.map((c) => ({ id: c.id, name: c.name, courses: courses.get(c.id) ?? [] }));
  }

  /** An SVG QR code of the join address, to show on screen or print. */
  async qrSvg(p: Principal, id: string): Promise<string> {
    const { joinUrl } = await this.detail(p, id);
    return QRCode.toString(joinUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  }

  private joinUrl(code: string) {
    return `${this.config.publicUrl}/tham-gia-lop?ma=${code}`;
  }

  /** The classes a person may read: their own as a teacher, those in their scope as an administrator. */
  private base(p: Principal) {
    const qb = this.dataSource.createQueryBuilder().from(LearningClass, 'c')
      .innerJoin('admin_units', 'unit', 'unit.id = c.unit_id')
      .innerJoin('users', 'teacher', 'teacher.id = c.teacher_id')
      .select(['c.id AS id', 'c.name AS name', 'c.join_code AS "joinCode"', 'unit.name AS "unitName"', 'teacher.full_name AS "teacherName"', 'c.created_at AS "createdAt"'])
      .addSelect('(SELECT count(*) FROM class_members m WHERE m.class_id = c.id)::int', 'memberCount');
    if (p.role === 'admin') return whereInScope(qb, 'c', p);
    return qb.where('c.teacher_id = :teacherId', { teacherId: p.userId });
  }

  /** Changing a class is for its teacher (or an administrator of its commune's scope). */
  private async owned(p: Principal, id: string): Promise<void> {
    if (!(await this.base(p).andWhere('c.id = :id', { id }).getRawOne())) throw notFound('Class');
  }

  private async summaries(rows: Row[]): Promise<ClassSummaryDto[]> {
    const courses = await this.coursesOf(rows.map((r) => r.id));
    return rows.map((r) => ({ ...r, teacherName: r.teacherName ?? '—', createdAt: new Date(r.createdAt).toISOString(), courses: courses.get(r.id) ?? [] }));
  }

  private async coursesOf(classIds: string[]): Promise<Map<string, { id: string; slug: string; title: string }[]>> {
    const out = new Map<string, { id: string; slug: string; title: string }[]>();
    if (!classIds.length) return out;
    const rows = (await this.dataSource.query(
      `SELECT cc.class_id AS "classId", c.id, c.slug, c.title FROM class_courses cc JOIN courses c ON c.id = cc.course_id
        WHERE cc.class_id = ANY($1) ORDER BY c.title`,
      [classIds],
    )) as { classId: string; id: string; slug: string; title: string }[];
    for (const { classId, ...course } of rows) out.set(classId, [...(out.get(classId) ?? []), course]);
    return out;
  }

  /** The ids of the courses named by slug; a slug that names no open course is a 400. */
  private async courseIds(em: EntityManager, slugs: string[]): Promise<string[]> {
    const unique = [...new Set(slugs)];
    const found = unique.length ? await em.getRepository(Course).findBy({ slug: In(unique), archivedAt: IsNull() }) : [];
    if (found.length !== unique.length) throw fieldError(HttpStatus.BAD_REQUEST, 'COURSE_NOT_FOUND', 'courses', 'courses names a course that does not exist');
    return found.map((c) => c.id);
  }

  private async assignIn(em: EntityManager, classId: string, courseIds: string[]): Promise<void> {
    const unique = [...new Set(courseIds)];
    if (unique.length) await em.getRepository(ClassCourse).insert(unique.map((courseId) => ({ classId, courseId })));
  }
}
