import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, MoreThan, type Repository } from 'typeorm';
import { notFound } from '../../common/errors/app-exception';
import type { RequestMeta } from '../../common/http/request-meta';
import { JobQueue } from '../../jobs/job-queue';
import { AuditService } from '../audit/audit.service';
import { UsersService } from '../users/users.service';
import { DataExport } from './entities/data-export.entity';

const EXPORT_TTL_MS = 7 * 24 * 3600_000;

@Injectable()
export class DataExportService {
  constructor(
    @InjectRepository(DataExport) private readonly exports: Repository<DataExport>,
    private readonly jobs: JobQueue,
    private readonly audit: AuditService,
    private readonly users: UsersService,
  ) {}

  /**
   * Starts an export, or returns the one already under way: a double click, even two requests at the
   * same instant, makes one export (a partial unique index allows one open export per person). The
   * open one is put on the queue again, a no-op while its job is pending, so an export whose job was
   * lost (Redis down at the time, an embedded process restarted) runs on the next click.
   */
  async request(userId: string, meta: RequestMeta): Promise<DataExport> {
    // The open export may finish between a refused insert and the read: then insert again.
    for (let tries = 0; tries < 3; tries++) {
      const created = await this.insertOpenExport(userId);
      if (created) {
        await this.audit.record('user.data_exported', { actorId: userId, subjectId: userId, meta, details: { exportId: created.id } });
      }
      const open = created ?? (await this.exports.findOne({ where: { userId, status: In(['queued', 'running']) } }));
      if (!open) continue;
      await this.jobs.enqueue('data-export', { exportId: open.id }, `data-export-${open.id}`);
      return open;
    }
    throw new Error('Could neither start nor find an open data export');
  }

  /** The new export, or null when the person already has one open. */
  private async insertOpenExport(userId: string): Promise<DataExport | null> {
    const inserted = await this.exports
      .createQueryBuilder()
      .insert()
      .values({ userId, expiresAt: new Date(Date.now() + EXPORT_TTL_MS) })
      .orIgnore()
      .returning('id')
      .execute();
    const id = (inserted.raw as { id: string }[])[0]?.id;
    return id ? this.exports.findOneByOrFail({ id }) : null;
  }

  /** The finished export's JSON document, unsealed for its owner; null while it is not ready. */
  documentOf(found: DataExport): string | null {
    return found.status === 'done' && found.payloadEnc ? this.users.cipher.decrypt(found.payloadEnc) : null;
  }

  async get(userId: string, id: string): Promise<DataExport> {
    const found = await this.exports.findOne({ where: { id, userId, expiresAt: MoreThan(new Date()) } });
    if (!found) throw notFound('Export');
    return found;
  }
}
