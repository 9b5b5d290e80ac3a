import { Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DataSource, type EntityManager } from 'typeorm';
import { foldVietnamese } from '../../common/text/normalize';
import { AdminUnit, type UnitLevel } from './entities/admin-unit.entity';
import { parseUnitsCsv, UnitsCsvError, type UnitRow } from './units-csv';

export type UnitsImportReport = { created: number; updated: number; unchanged: number; deactivated: number };

/**
 * Reconciles the unit tree with a provinces + wards list. A unit keeps its id when the new list
 * renames it (same code), recodes it (`previousCode`, or same name in the same province), or both
 * across two imports; units missing from the list are deactivated, never deleted. Running the same
 * list twice changes nothing.
 */
@Injectable()
export class UnitsImportService {
  constructor(private readonly dataSource: DataSource) {}

  async hasUnits(): Promise<boolean> {
    return (await this.dataSource.getRepository(AdminUnit).count({ take: 1 })) > 0;
  }

  importFiles(provincesFile: string, wardsFile: string): Promise<UnitsImportReport> {
    return this.importCsv(readFileSync(provincesFile, 'utf8'), readFileSync(wardsFile, 'utf8'), {
      provinces: path.basename(provincesFile),
      wards: path.basename(wardsFile),
    });
  }

  async importCsv(
    provincesCsv: string,
    wardsCsv: string,
    names = { provinces: 'provinces.csv', wards: 'wards.csv' },
  ): Promise<UnitsImportReport> {
    const provinces = parseUnitsCsv(provincesCsv, 'province', names.provinces);
    const wards = parseUnitsCsv(wardsCsv, 'commune', names.wards);
    const provinceCodes = new Set(provinces.map((p) => p.code));
    const orphans = wards.filter((w) => !provinceCodes.has(w.provinceCode ?? ''));
    if (orphans.length > 0) {
      throw new UnitsCsvError(orphans.map((w) => `${names.wards}: ${w.code}: unknown provinceCode ${w.provinceCode}`).join('\n'));
    }
    return this.dataSource.transaction(async (em) => {
      // One import at a time: two concurrent ones would both create the same units.
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('admin_units_import'))`);
      const report: UnitsImportReport = { created: 0, updated: 0, unchanged: 0, deactivated: 0 };
      const provinceIds = await this.reconcile(em, 'province', provinces, () => null, report);
      await this.reconcile(em, 'commune', wards, (row) => provinceIds.get(row.provinceCode ?? '') ?? null, report);
      return report;
    });
  }

  private async reconcile(
    em: EntityManager,
    level: UnitLevel,
    rows: UnitRow[],
    parentOf: (row: UnitRow) => string | null,
    report: UnitsImportReport,
  ): Promise<Map<string, string>> {
    const repo = em.getRepository(AdminUnit);
    const existing = await repo.find({ where: { level } });
    const byCode = new Map(existing.map((u) => [u.code, u]));
    const byName = new Map(existing.map((u) => [`${u.parentId}|${foldVietnamese(u.name)}`, u]));
    const incomingCodes = new Set(rows.map((r) => r.code));
    const claimed = new Set<string>();
    const idsByCode = new Map<string, string>();
    const toSave: AdminUnit[] = [];

    // Explicit renumberings first, so a code handed to another unit cannot steal this one.
    const matches = new Map<UnitRow, AdminUnit>();
    const claim = (row: UnitRow, unit: AdminUnit | undefined, ok: (u: AdminUnit) => boolean) => {
      if (matches.has(row) || !unit || claimed.has(unit.id) || !ok(unit)) return;
      matches.set(row, unit);
      claimed.add(unit.id);
    };
    for (const row of rows) if (row.previousCode) claim(row, byCode.get(row.previousCode), () => true);
    for (const row of rows) claim(row, byCode.get(row.code), () => true);
    // A unit listed under a new code keeps its id when its old code has left the list.
    for (const row of rows) {
      claim(row, byName.get(`${parentOf(row)}|${foldVietnamese(row.name)}`), (u) => !incomingCodes.has(u.code));
    }

    for (const row of rows) {
      const parentId = parentOf(row);
      const match = matches.get(row);
      const unit = match ?? repo.create({ level });
      const changed =
        !match ||
        unit.code !== row.code ||
        unit.name !== row.name ||
        unit.fullName !== row.fullName ||
        unit.type !== row.type ||
        unit.parentId !== parentId ||
        !unit.active;
      Object.assign(unit, { code: row.code, name: row.name, fullName: row.fullName, type: row.type, parentId, active: true });
      if (!match) report.created++;
      else if (changed) report.updated++;
      else report.unchanged++;
      if (changed) toSave.push(unit);
      else idsByCode.set(row.code, unit.id);
    }
    for (const unit of existing) {
      if (!claimed.has(unit.id) && unit.active) {
        unit.active = false;
        // Free the code for units in the new list that may take it.
        unit.code = `retired:${unit.id.slice(0, 8)}`;
        toSave.push(unit);
        report.deactivated++;
      }
    }
    for (let i = 0; i < toSave.length; i += 500) {
      const saved = await repo.save(toSave.slice(i, i + 500));
      for (const unit of saved) if (unit.active) idsByCode.set(unit.code, unit.id);
    }
    return idsByCode;
  }
}
