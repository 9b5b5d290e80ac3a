import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { forbidden, notFound } from '../../common/errors/app-exception';
import type { RequestMeta } from '../../common/http/request-meta';
import { JobQueue } from '../../jobs/job-queue';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/decorators';
import type { RecountDto } from './dto/recount.dto';
import { ReportingRecount } from './entities/reporting-recount.entity';

/** Recounts are national: the roll-ups are one set of tables for the whole country. */
@Injectable()
export class RecountRequestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly audit: AuditService,
  ) {}

  async start(admin: Principal, meta: RequestMeta): Promise<RecountDto> {
    if (admin.scope?.level !== 'nation') throw forbidden('Only national administrators start a recount');
    const recount = await this.dataSource.transaction(async (em) => {
      const row = await em.getRepository(ReportingRecount).save(em.getRepository(ReportingRecount).create({ requestedById: admin.userId }));
      await this.audit.record('reporting.recount_started', { actorId: admin.userId, meta, details: { recountId: row.id } }, em);
      return row;
    });
    await this.queue.enqueue('reporting-recount', { recountId: recount.id }, `recount-${recount.id}`);
    return toDto(recount);
  }

  async get(admin: Principal, id: string): Promise<RecountDto> {
    if (admin.scope?.level !== 'nation') throw notFound('Recount');
    const recount = await this.dataSource.getRepository(ReportingRecount).findOneBy({ id });
    if (!recount) throw notFound('Recount');
    return toDto(recount);
  }
}

const toDto = (r: ReportingRecount): RecountDto => ({
  id: r.id, status: r.status, progress: r.progress, differenceCount: r.differenceCount, differences: r.differences,
  createdAt: r.createdAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null,
});
