import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { forbidden, notFound } from '../../common/errors/app-exception';
import type { RequestMeta } from '../../common/http/request-meta';
import { JobQueue } from '../../jobs/job-queue';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/decorators';
import { ContentImport } from './entities/content-import.entity';

/** Imports started from the API run as jobs; only national administrators may start one. */
@Injectable()
export class ContentImportsService {
  constructor(
    @InjectRepository(ContentImport) private readonly imports: Repository<ContentImport>,
    private readonly jobs: JobQueue,
    private readonly audit: AuditService,
  ) {}

  async start(admin: Principal, meta: RequestMeta): Promise<ContentImport> {
    if (admin.scope?.level !== 'nation') throw forbidden('Only national administrators import content');
    const created = await this.imports.save(this.imports.create({ requestedById: admin.userId }));
    await this.audit.record('content.import_started', { actorId: admin.userId, meta, details: { importId: created.id } });
    await this.jobs.enqueue('content-import', { importId: created.id }, `content-import-${created.id}`);
    return created;
  }

  async get(admin: Principal, id: string): Promise<ContentImport> {
    if (admin.scope?.level !== 'nation') throw forbidden('Only national administrators import content');
    const found = await this.imports.findOne({ where: { id } });
    if (!found) throw notFound('Import');
    return found;
  }
}
