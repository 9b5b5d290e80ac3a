import 'reflect-metadata';
import path from 'node:path';
import { loadConfig } from '../config/config';
import { PassageIndexer } from '../modules/assistant/retrieval/passage-indexer.service';
import { ContentImportService, ContentInvalidError } from '../modules/content/content-import.service';
import { readContent } from '../modules/content/files/content-reader';
import { formatProblem } from '../modules/content/files/problems';
import { runCli } from './cli-app';

/**
 * content validate [DIR]   every problem as file:line: message; exit 1 when there are errors
 * content import [DIR]     validate, then load into the database (idempotent)
 */
const [command, dirArg] = process.argv.slice(2);

async function validate(): Promise<void> {
  const dir = path.resolve(dirArg ?? loadConfig({ ...process.env, NODE_ENV: 'test', SESSION_SECRET: 'x'.repeat(32), DATA_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64') }).contentDir);
  const content = await readContent(dir);
  for (const p of content.problems) console.log(formatProblem(p));
  const lessons = content.courses.reduce((n, c) => n + c.lessons.length, 0);
  const questions = content.courses.reduce((n, c) => n + c.questions.length, 0);
  console.log(`${content.courses.length} courses, ${lessons} lessons, ${questions} questions; ${content.errors} errors, ${content.problems.length - content.errors} warnings`);
  process.exitCode = content.errors > 0 ? 1 : 0;
}

if (command === 'validate') {
  validate().catch((err: unknown) => {
    // Nothing a file holds reaches here (every problem is file:line); this is the machine failing.
    console.error(err);
    process.exitCode = 2;
  });
} else if (command === 'import') {
  void runCli(async (app, config) => {
    try {
      const report = await app.get(ContentImportService).importDirectory(path.resolve(dirArg ?? config.contentDir));
      console.log(`Imported: ${JSON.stringify(report)}`);
      console.log(`Assistant passages: ${(await app.get(PassageIndexer).rebuildIfStale()) ? 'rebuilt' : 'up to date'}`);
    } catch (err) {
      if (!(err instanceof ContentInvalidError)) throw err;
      for (const p of err.problems) console.log(p);
      process.exitCode = 1;
    }
  });
} else {
  console.error('usage: content validate|import [CONTENT_DIR]');
  process.exitCode = 2;
}
