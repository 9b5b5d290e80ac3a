import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AdminUnit } from './entities/admin-unit.entity';

@Injectable()
export class UnitsService {
  constructor(@InjectRepository(AdminUnit) private readonly units: Repository<AdminUnit>) {}

  provinces(): Promise<AdminUnit[]> {
    return this.units.find({ where: { level: 'province', active: true }, order: { name: 'ASC' } });
  }

  communesOf(provinceId: string): Promise<AdminUnit[]> {
    return this.units.find({ where: { level: 'commune', parentId: provinceId, active: true }, order: { name: 'ASC' } });
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
