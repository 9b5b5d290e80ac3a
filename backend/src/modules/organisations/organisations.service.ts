import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { foldVietnamese } from '../../common/text/normalize';
import { Organisation, type OrganisationKind } from './entities/organisation.entity';

@Injectable()
export class OrganisationsService {
  constructor(@InjectRepository(Organisation) private readonly organisations: Repository<Organisation>) {}

  /** The organisation with this name and kind in the province, created on first mention. */
  async findOrCreate(em: EntityManager, provinceId: string, name: string, kind: OrganisationKind): Promise<Organisation> {
    const normalizedName = foldVietnamese(name);
    await em
      .createQueryBuilder()
      .insert()
      .into(Organisation)
      .values({ provinceId, name: name.trim().replace(/\s+/g, ' '), normalizedName, kind })
      .orIgnore()
      .execute();
    return em.getRepository(Organisation).findOneOrFail({ where: { provinceId, kind, normalizedName } });
  }

  search(provinceId: string, query: string | undefined): Promise<Organisation[]> {
    const qb = this.organisations
      .createQueryBuilder('o')
      .where('o.province_id = :provinceId', { provinceId })
      .orderBy('o.name', 'ASC')
      .limit(20);
    if (query) qb.andWhere('o.normalized_name LIKE :q', { q: `%${foldVietnamese(query).replace(/[%_\\]/g, '')}%` });
    return qb.getMany();
  }
}
