import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { AppModule } from '../app.module';
import { type AppConfig, ConfigError, loadConfig } from '../config/config';

/** Runs a command with the application's modules (no HTTP, no workers, no demo seed). */
export async function runCli(task: (app: INestApplicationContext, config: AppConfig) => Promise<void>): Promise<void> {
  try {
    const config = { ...loadConfig(), seedDemo: false, workerInApi: false, logLevel: 'warn' };
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
    try {
      await task(app, config);
    } finally {
      await app.close();
    }
  } catch (err) {
    console.error(err instanceof ConfigError || err instanceof CliError ? err.message : err);
    process.exit(1);
  }
}

export class CliError extends Error {}

/** `--name value` pairs from argv. */
export function flags(argv = process.argv.slice(2)): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i];
    if (key?.startsWith('--')) out.set(key.slice(2), argv[i + 1] ?? '');
  }
  return out;
}
