import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { indexPassages, loadContent, loadReferenceData, migrate } from '../bootstrap/prepare-database';
import { PassageIndexer } from '../modules/assistant/retrieval/passage-indexer.service';
import { ContentImportService } from '../modules/content/content-import.service';
import { UnitsImportService } from '../modules/units/units-import.service';
import { runCli } from './cli-app';

/** The deploy step (compose's `migrate` service): migrations, reference data, then content. */
void runCli(async (app, config) => {
  const applied = await migrate(app.get(DataSource));
  console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'No pending migrations.');
  const report = await loadReferenceData(config, app.get(UnitsImportService));
  console.log(report === 'kept' ? 'Administrative units: kept as imported.' : `Administrative units: ${JSON.stringify(report)}`);
  const content = await loadContent(config, app.get(ContentImportService));
  console.log(`Courses: ${JSON.stringify(content)}`);
  console.log(`Assistant passages: ${(await indexPassages(app.get(PassageIndexer))) ? 'rebuilt' : 'up to date'}`);
});
