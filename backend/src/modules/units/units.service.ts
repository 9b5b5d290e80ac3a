import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AdminUnit } from './entities/admin-unit.entity';

/** Vietnamese alphabetical order (Đ after D, not after Z), whatever the database collation. */
const collator = new Intl.Collator('vi');
const byName = (units: AdminUnit[]) => units.sort((a, b) => collator.compare(a.name, b.name));

@Injectable()
export class UnitsService {
  constructor(@InjectRepository(AdminUnit) private readonly units: Repository<AdminUnit>) {}

  async provinces(): Promise<AdminUnit[]> {
    return byName(await this.units.find({ where: { level: 'province', active: true } }));
  }

  async communesOf(provinceId: string): Promise<AdminUnit[]> {
    return byName(await this.units.find({ where: { level: 'commune', parentId: provinceId, active: true } }));
  }

  /** An active commune-level unit, or null: what a person's address must point at. */
  findActiveCommune(id: string): Promise<AdminUnit | null> {
    return this.units.findOne({ where: { id, level: 'commune', active: true } });
  }

  findById(id: string): Promise<AdminUnit | null> {
    return this.units.findOne({ where: { id } });
  }

  findByCode(level: 'province' | 'commune', code: string): Promise<AdminUnit | null> {
    return this.units.findOne({ where: { level, code } });
  }
}
