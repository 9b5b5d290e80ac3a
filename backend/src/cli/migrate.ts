import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadReferenceData, migrate } from '../bootstrap/prepare-database';
import { UnitsImportService } from '../modules/units/units-import.service';
import { runCli } from './cli-app';

/** The deploy step (compose's `migrate` service): migrations, then reference data. */
void runCli(async (app, config) => {
  const applied = await migrate(app.get(DataSource));
  console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'No pending migrations.');
  const report = await loadReferenceData(config, app.get(UnitsImportService));
  console.log(`Administrative units: ${JSON.stringify(report)}`);
});
