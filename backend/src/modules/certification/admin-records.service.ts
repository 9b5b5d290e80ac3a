import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppException, notFound } from '../../common/errors/app-exception';
import type { RequestMeta } from '../../common/http/request-meta';
import { whereManageable } from '../admin-users/user-scope';
import type { Principal } from '../auth/decorators';
import { CompletionRecordsService } from './completion-records.service';
import { CompletionRecord } from './entities/completion-record.entity';
import { parseRecordCode } from './record-code';

/** Records as administrators see them: only those of people they may act on (scope and rank, checked in SQL). */
@Injectable()
export class AdminRecordsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: CompletionRecordsService,
  ) {}

  async list(admin: Principal, filter: { status?: 'valid' | 'revoked'; code?: string; page?: number; pageSize?: number }) {
    const pageSize = filter.pageSize ?? 20;
    const qb = this.scoped(admin).orderBy('r.issued_at', 'DESC').skip(((filter.page ?? 1) - 1) * pageSize).take(pageSize);
    if (filter.status === 'valid') qb.andWhere('r.revoked_at IS NULL');
    if (filter.status === 'revoked') qb.andWhere('r.revoked_at IS NOT NULL');
    if (filter.code !== undefined) qb.andWhere('r.code = :code', { code: parseRecordCode(filter.code) ?? '' });
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }

  async revoke(admin: Principal, id: string, reason: string, meta: RequestMeta): Promise<CompletionRecord> {
    const record = await this.find(admin, id);
    if (record.revokedAt) throw new AppException(HttpStatus.CONFLICT, 'RECORD_REVOKED', 'This record is already revoked');
    await this.dataSource.transaction((em) => this.records.revoke(em, record, reason, admin.userId, meta));
    return this.find(admin, id);
  }

  async reissue(admin: Principal, id: string, reason: string, meta: RequestMeta): Promise<CompletionRecord> {
    const record = await this.find(admin, id);
    const replacement = await this.dataSource.getRepository(CompletionRecord).findOne({ where: { reissueOfId: id }, select: { id: true } });
    if (replacement) throw new AppException(HttpStatus.CONFLICT, 'RECORD_REISSUED', 'This record was already reissued', { recordId: replacement.id });
    const fresh = await this.records.reissue(record, reason, admin.userId, meta);
    return this.find(admin, fresh.id);
  }

  async find(admin: Principal, id: string): Promise<CompletionRecord> {
    const record = await this.scoped(admin).andWhere('r.id = :id', { id }).getOne();
    if (!record) throw notFound('Record');
    return record;
  }

  private scoped(admin: Principal) {
    const qb = this.dataSource.getRepository(CompletionRecord).createQueryBuilder('r').innerJoinAndSelect('r.frameworkVersion', 'fv').innerJoin('r.user', 'u');
    return whereManageable(qb, 'u', admin);
  }
}
