import type { DataSource } from 'typeorm';

type Pool = { query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }> };

/**
 * Runs a hot statement on the connection pool as a named prepared statement, so PostgreSQL parses and
 * plans it once per connection instead of on every request (planning costs more than running these
 * index lookups), and TypeORM's query runner is skipped. The embedded database takes a plain query.
 */
export function preparedQuery<T>(dataSource: DataSource, name: string, text: string, values: unknown[]): Promise<T[]> {
  if ('driver' in dataSource.options && dataSource.options.driver) return dataSource.query<T[]>(text, values);
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  return pool.query({ name, text, values }).then((r) => r.rows as T[]);
}
