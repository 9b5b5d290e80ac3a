import type { DataSource } from 'typeorm';

type Pool = { query(config: string | { name?: string }): Promise<unknown> };

/** Every statement sent to the connection pool while `work` runs: a prepared one by its name, others as 'unnamed'. */
export async function statementsDuring<T>(dataSource: DataSource, work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const spy = jest.spyOn(pool, 'query');
  try {
    const result = await work();
    return { result, statements: spy.mock.calls.map(([config]) => (typeof config === 'string' ? 'unnamed' : config.name ?? 'unnamed')) };
  } finally {
    spy.mockRestore();
  }
}
