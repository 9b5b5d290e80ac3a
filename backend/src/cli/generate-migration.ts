import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../config/config';
import { createDataSource } from '../database/data-source';
import { pendingSchemaChanges } from '../database/schema-diff';

/**
 * Usage: generate-migration <PascalCaseName>   writes migrations/<ms>-<Name>.ts
 *        generate-migration --check            exits 1 when entities and migrations disagree
 * Runs against DATABASE_URL, or an in-memory embedded database when it is unset.
 */
async function main(): Promise<void> {
  const arg = process.argv[2];
  if (!arg) throw new Error('usage: generate-migration <PascalCaseName> | --check');
  const url = process.env.DATABASE_URL;
  const dataSource = createDataSource({ database: url ? { url, poolSize: 2 } : { pgliteDir: 'memory://' } });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const { up, down } = await pendingSchemaChanges(dataSource);
    if (arg === '--check') {
      if (up.length > 0) {
        console.error(`Entities and migrations disagree; a new migration needs:\n${up.join(';\n')};`);
        process.exitCode = 1;
      } else {
        console.log('Entities and migrations agree.');
      }
      return;
    }
    if (!/^[A-Z][A-Za-z0-9]+$/.test(arg)) throw new Error('the migration name must be PascalCase');
    if (up.length === 0) {
      console.log('No changes: nothing written.');
      return;
    }
    const stamp = Date.now();
    const file = path.join(REPO_ROOT, 'migrations', `${stamp}-${arg}.ts`);
    writeFileSync(file, render(`${arg}${stamp}`, up, down.reverse()));
    console.log(`Wrote ${path.relative(REPO_ROOT, file)}: read it before committing.`);
  } finally {
    await dataSource.destroy();
  }
}

function render(className: string, up: string[], down: string[]): string {
  const lines = (qs: string[]) => qs.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
