import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import type { ContentImportReport } from '../modules/content/entities/content-import.entity';
import type { ContentImportService } from '../modules/content/content-import.service';
import type { PassageIndexer } from '../modules/assistant/retrieval/passage-indexer.service';
import type { UnitsImportReport, UnitsImportService } from '../modules/units/units-import.service';

/** Applies pending migrations. Safe to run from several processes: TypeORM locks the table. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}

/**
 * Loads the shipped (demo) unit list into an empty database only: once an administrator has imported
 * the official list with units:import, a deploy must not put the demo codes back.
 */
export async function loadReferenceData(config: AppConfig, units: UnitsImportService): Promise<UnitsImportReport | 'kept'> {
  if (await units.hasUnits()) return 'kept';
  const dir = path.join(config.contentDir, 'reference', 'vn-admin-units');
  return units.importFiles(path.join(dir, 'provinces.csv'), path.join(dir, 'wards.csv'));
}

/** Loads the framework and the courses from content/ (unchanged courses are skipped). */
export function loadContent(config: AppConfig, content: ContentImportService): Promise<ContentImportReport> {
  return content.importDirectory(config.contentDir);
}

/** Rebuilds the assistant's lesson passages when the published content changed (after an import outside the job). */
export function indexPassages(indexer: PassageIndexer): Promise<boolean> {
  return indexer.rebuildIfStale();
}
