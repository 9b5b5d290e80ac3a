import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, MoreThan, type Repository } from 'typeorm';
import { notFound } from '../../common/errors/app-exception';
import type { RequestMeta } from '../../common/http/request-meta';
import { JobQueue } from '../../jobs/job-queue';
import { AuditService } from '../audit/audit.service';
import { DataExport } from './entities/data-export.entity';

const EXPORT_TTL_MS = 7 * 24 * 3600_000;

@Injectable()
export class DataExportService {
  constructor(
    @InjectRepository(DataExport) private readonly exports: Repository<DataExport>,
    private readonly jobs: JobQueue,
    private readonly audit: AuditService,
  ) {}

  /** Starts an export, or returns the one already under way: a double click makes one job. */
  async request(userId: string, meta: RequestMeta): Promise<DataExport> {
    const pending = await this.exports.findOne({ where: { userId, status: In(['queued', 'running']) } });
    if (pending) return pending;
    const created = await this.exports.save(
      this.exports.create({ userId, expiresAt: new Date(Date.now() + EXPORT_TTL_MS) }),
    );
    await this.audit.record('user.data_exported', { actorId: userId, subjectId: userId, meta, details: { exportId: created.id } });
    await this.jobs.enqueue('data-export', { exportId: created.id }, `data-export-${created.id}`);
    return created;
  }

  async get(userId: string, id: string): Promise<DataExport> {
    const found = await this.exports.findOne({ where: { id, userId, expiresAt: MoreThan(new Date()) } });
    if (!found) throw notFound('Export');
    return found;
  }
}
