import 'reflect-metadata';
import { AuditService } from '../modules/audit/audit.service';
import { UnitsImportService } from '../modules/units/units-import.service';
import { CliError, flags, runCli } from './cli-app';

/**
 * npm run units:import -- --provinces path/provinces.csv --wards path/wards.csv
 * Replaces the unit list (e.g. with the official one) while keeping everyone linked to their unit.
 */
void runCli(async (app) => {
  const args = flags();
  const provinces = args.get('provinces');
  const wards = args.get('wards');
  if (!provinces || !wards) throw new CliError('usage: units:import -- --provinces FILE --wards FILE');
  const report = await app.get(UnitsImportService).importFiles(provinces, wards);
  await app.get(AuditService).record('units.imported', { details: { ...report, via: 'cli' } });
  console.log(`Imported: ${JSON.stringify(report)}`);
});
