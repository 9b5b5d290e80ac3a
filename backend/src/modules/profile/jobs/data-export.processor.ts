import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type JobContext, JobHandler, type JobProcessor } from '../../../jobs/job-handler';
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
    if (!record || record.status === 'done') return;
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
    };
    await exports.update(record.id, { status: 'done', progress: 100, payload, finishedAt: new Date() });
    await job.updateProgress(100);
    this.logger.log({ queue: job.queue, jobId: job.id }, 'Export ready');
  }
}
