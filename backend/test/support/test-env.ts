/** Where the tests find PostgreSQL and Redis: the machine's own, as on CI. */
export const TEST_PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Overridable so two checkouts can run their suites side by side on one server. */
export const TEMPLATE_DB = process.env.TEST_TEMPLATE_DB ?? 'bdhvs_test_template';

export function databaseUrl(name: string): string {
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}
