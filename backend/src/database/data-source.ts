import { vector } from '@electric-sql/pglite-pgvector';
import path from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { PGliteDriver } from 'typeorm-pglite';
import type { AppConfig } from '../config/config';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** Migrations live at the repository root; the same relative path works from src and from dist. */
export const MIGRATIONS_GLOB = path.join(__dirname, '../../../migrations/*{.ts,.js}');

export function dataSourceOptions(config: Pick<AppConfig, 'database'>): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    entities: ENTITIES,
    migrations: [MIGRATIONS_GLOB],
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+, so no extension is needed on either engine.
    uuidExtension: 'pgcrypto' as const,
    installExtensions: false,
  };
  if ('url' in config.database) {
    // A request waits at most 30 s for a connection, then answers 503 (the database away must never hang the API).
    return { ...common, url: config.database.url, extra: { max: config.database.poolSize, connectionTimeoutMillis: 30_000 } };
  }
  // The embedded database: one in-process PostgreSQL (WASM) for a laptop or a demo, never production.
  // pgvector is loaded so the assistant can rank with embeddings when an endpoint is configured (decision 0008).
  return { ...common, driver: new PGliteDriver({ dataDir: config.database.pgliteDir, extensions: { vector } }).driver };
}

export function createDataSource(config: Pick<AppConfig, 'database'>): DataSource {
  return new DataSource(dataSourceOptions(config));
}
