import 'reflect-metadata';
import { createApi } from './bootstrap/create-api';
import { ConfigError, loadConfig } from './config/config';

async function main(): Promise<void> {
  const config = loadConfig();
  const { app, demoAccounts } = await createApi(config);
  await app.listen(config.port, config.host);
  const mode = [
    'url' in config.database ? 'PostgreSQL (DATABASE_URL)' : `embedded PostgreSQL (${config.database.pgliteDir})`,
    config.redis ? (config.workerInApi ? 'BullMQ jobs, worker in this process' : 'BullMQ jobs (run the worker)') : 'in-process jobs',
  ].join(', ');
  console.log(`\nBình dân học vụ số is running at http://localhost:${config.port}  [${mode}]`);
  console.log(`API docs: http://localhost:${config.port}/api/docs`);
  if (demoAccounts.length > 0) console.log(`Demo accounts (tài khoản dùng thử):\n${demoAccounts.join('\n')}\n`);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
