import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { RequestMeta } from '../../common/http/request-meta';
import { AuditEvent, type AuditEventType } from './entities/audit-event.entity';

export type AuditEntry = {
  actorId?: string | null;
  subjectId?: string | null;
  meta?: RequestMeta;
  details?: Record<string, unknown>;
};

/** Writes the security log; inside the caller's transaction when given its manager. */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  async record(type: AuditEventType, entry: AuditEntry, em?: EntityManager): Promise<void> {
    const repo = em ? em.getRepository(AuditEvent) : this.events;
    await repo.save(
      repo.create({
      type,
      actorId: entry.actorId ?? null,
      subjectId: entry.subjectId ?? null,
      ip: entry.meta?.ip ?? null,
      requestId: entry.meta?.requestId || null,
      details: entry.details ?? {},
      }),
    );
  }

  /** Events about one person, newest first: for their data export. */
  aboutSubject(subjectId: string): Promise<AuditEvent[]> {
    return this.events.find({ where: { subjectId }, order: { occurredAt: 'DESC' }, take: 1000 });
  }
}
