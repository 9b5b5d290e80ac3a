import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type JobContext, JobHandler, type JobProcessor, lastAttemptGivesUp } from '../../../jobs/job-handler';
import { AuditEvent } from '../../audit/entities/audit-event.entity';
import { Session } from '../../auth/entities/session.entity';
import { USER_RELATIONS, UsersService } from '../../users/users.service';
import { User } from '../../users/entities/user.entity';
import { DataExport } from '../entities/data-export.entity';

/** Gathers everything the platform holds about a person into one JSON document. */
@Injectable()
@JobHandler('data-export')
export class DataExportProcessor implements JobProcessor<'data-export'> {
  private readonly logger = new Logger('DataExportProcessor');

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
  ) {}

  async process(job: JobContext<'data-export'>): Promise<void> {
    const exports = this.dataSource.getRepository(DataExport);
    const record = await exports.findOne({ where: { id: job.data.exportId } });
    // The account may have been deleted meanwhile (its exports with it): nothing left to do.
    if (!record || record.status === 'done' || record.status === 'failed') return;
    await lastAttemptGivesUp(job, () => this.gather(job, record), async (err) => {
      // Only the error's kind is kept: a message may quote personal data.
      await exports.update(record.id, { status: 'failed', error: (err as Error).name ?? 'Error', finishedAt: new Date() });
    });
  }

  private async gather(job: JobContext<'data-export'>, record: DataExport): Promise<void> {
    const exports = this.dataSource.getRepository(DataExport);
    const step = async (progress: number) => {
      await exports.update(record.id, { status: 'running', progress });
      await job.updateProgress(progress);
    };
    await step(5);
    const user = await this.dataSource.getRepository(User).findOne({ where: { id: record.userId }, relations: USER_RELATIONS });
    if (!user || user.status === 'deleted') return;
    const profile = this.users.toMe(user);
    await step(35);
    const sessions = await this.dataSource.getRepository(Session).find({ where: { userId: user.id }, order: { createdAt: 'DESC' } });
    await step(60);
    const events = await this.dataSource.getRepository(AuditEvent).find({ where: { subjectId: user.id }, order: { occurredAt: 'DESC' } });
    await step(70);
    const learning = await this.learningOf(user.id);
    await step(85);
    const payload = {
      format: 'bdhvs-personal-data/1',
      exportedAt: new Date().toISOString(),
      profile,
      sessions: sessions.map((s) => ({
        createdAt: s.createdAt,
        lastSeenAt: s.lastSeenAt,
        expiresAt: s.expiresAt,
        revokedAt: s.revokedAt,
        device: s.userAgent,
      })),
      securityEvents: events.map((e) => ({ type: e.type, at: e.occurredAt, ip: e.ip })),
      learning,
      assistantQuestions: await this.dataSource.query(
        `SELECT m.created_at, m.question, m.mode, m.answer_text, m.citations, m.helpful FROM assistant_messages m WHERE m.user_id = $1 ORDER BY m.created_at`,
        [user.id],
      ),
      ...(await this.togetherOf(user.id)),
    };
    const payloadEnc = this.users.cipher.encrypt(JSON.stringify(payload, null, 2));
    await exports.update(record.id, { status: 'done', progress: 100, payloadEnc, finishedAt: new Date() });
    await job.updateProgress(100);
    this.logger.log({ queue: job.queue, jobId: job.id }, 'Export ready');
  }

  /** Ambassador, mentorships, household memberships, notifications and the choices about them. */
  private async togetherOf(userId: string) {
    const q = (sql: string) => this.dataSource.query(sql, [userId]) as Promise<unknown[]>;
    return {
      ambassador: await q(`SELECT invite_code, started_at, stepped_down_at FROM ambassadors WHERE user_id = $1`),
      mentorships: await q(`SELECT consented_at, ended_at, end_reason FROM ambassador_mentees WHERE mentee_id = $1 ORDER BY consented_at`),
      households: await q(`SELECT h.name AS household, m.accepted_at, m.left_at, m.left_reason FROM household_members m JOIN households h ON h.id = m.household_id
                            WHERE m.user_id = $1 ORDER BY m.accepted_at`),
      notifications: await q(`SELECT kind, params, link, created_at, read_at, email_status FROM notifications WHERE user_id = $1 ORDER BY created_at`),
      notificationSettings: await q(`SELECT kind, in_app, email FROM notification_settings WHERE user_id = $1 ORDER BY kind`),
    };
  }

  /** Courses, lessons done, quiz attempts with answers, the learning event log, self-assessments and completion records. */
  private async learningOf(userId: string) {
    const q = (sql: string) => this.dataSource.query(sql, [userId]) as Promise<unknown[]>;
    return {
      enrolments: await q(`SELECT c.slug AS course, e.status, e.enrolled_at, e.left_at, e.completed_at FROM enrolments e JOIN courses c ON c.id = e.course_id WHERE e.user_id = $1 ORDER BY e.enrolled_at`),
      lessonsDone: await q(`SELECT c.slug AS course, l.slug AS lesson, lc.completed_at FROM lesson_completions lc JOIN lessons l ON l.id = lc.lesson_id JOIN courses c ON c.id = lc.course_id WHERE lc.user_id = $1 ORDER BY lc.completed_at`),
      quizAttempts: await q(`SELECT c.slug AS course, z.slug AS quiz, a.number, a.status, a.started_at, a.submitted_at, a.score_percent, a.passed, a.late, a.answers
                               FROM quiz_attempts a JOIN quizzes z ON z.id = a.quiz_id JOIN courses c ON c.id = a.course_id WHERE a.user_id = $1 ORDER BY a.started_at`),
      events: await q(`SELECT e.type, c.slug AS course, e.occurred_at, e.recorded_at, e.score_percent, e.passed FROM learning_events e JOIN courses c ON c.id = e.course_id WHERE e.user_id = $1 ORDER BY e.occurred_at`),
      selfAssessments: await q(`SELECT fv.version AS framework_version, a.target_group, a.number, a.status, a.started_at, a.submitted_at, a.late, a.ratings, a.answers, a.result
                                  FROM assessment_attempts a JOIN framework_versions fv ON fv.id = a.framework_version_id WHERE a.user_id = $1 ORDER BY a.started_at`),
      completionRecords: await q(`SELECT r.code, fv.version AS framework_version, r.target_group, r.issued_at, r.holder_name, r.overall_score, r.competencies,
                                         r.courses_completed, r.revoked_at, r.revoked_reason, r.credential
                                    FROM completion_records r JOIN framework_versions fv ON fv.id = r.framework_version_id WHERE r.user_id = $1 ORDER BY r.issued_at`),
    };
  }
}
