import 'reflect-metadata';
import { generateKeyPairSync } from 'node:crypto';
import { Client } from 'pg';
import { indexPassages, loadContent, loadReferenceData, migrate } from '../../src/bootstrap/prepare-database';
import { PassageIndexer } from '../../src/modules/assistant/retrieval/passage-indexer.service';
import { ContentImportService } from '../../src/modules/content/content-import.service';
import { loadConfig } from '../../src/config/config';
import { createDataSource } from '../../src/database/data-source';
import { UnitsImportService } from '../../src/modules/units/units-import.service';
import { databaseUrl, TEMPLATE_DB, TEST_PG_URL } from './test-env';

/**
 * Migrates one template database with the reference data and shipped content; every test file then gets its own copy
 * (CREATE DATABASE … TEMPLATE), which takes a fraction of a second.
 */
export default async function globalSetup(): Promise<void> {
  if ((globalThis as { templateReady?: boolean }).templateReady) return;
  const admin = new Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const dataSource = createDataSource({ database: { url: databaseUrl(TEMPLATE_DB), poolSize: 2 } });
  await dataSource.initialize();
  await migrate(dataSource);
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl(TEMPLATE_DB), SESSION_SECRET: 'x'.repeat(32), DATA_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64'), CREDENTIAL_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() });
  await loadReferenceData(config, new UnitsImportService(dataSource));
  // The shipped courses too: what a newcomer sees is what the browser tests see.
  await loadContent(config, new ContentImportService(dataSource));
  await indexPassages(new PassageIndexer(dataSource));
  await dataSource.destroy();
  (globalThis as { templateReady?: boolean }).templateReady = true;
}
