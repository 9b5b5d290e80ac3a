import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ContentImportService } from '../../src/modules/content/content-import.service';
import { LEARNING_COURSE, makeContent } from '../support/content-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

const BENCH = path.resolve(__dirname, '../../../bench/exam-day.mjs');
type Report = {
  table: { phase: string; requests: number; errors: number }[];
  check: { students: number; recorded: number; lostAnswers: number; doubled: number; notSubmitted: number; problems: string[] };
  failures: string[];
};

/**
 * bench/exam-day.mjs at 200 students against the real API: a synchronized start, pages with autosave,
 * submission. Fails on a lost or doubled answer, never on time (the figures are the bench's business).
 */
describe('exam day, 200 students', () => {
  let t: TestApp;
  let content: ReturnType<typeof makeContent>;

  beforeAll(async () => {
    content = makeContent({ 'hoc-thu': LEARNING_COURSE });
    t = await startTestApp({ CONTENT_DIR: content.dir });
    await t.app.get(ContentImportService).importDirectory(content.dir);
    await t.app.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await t.close();
    content.cleanup();
  });

  it('records for every student exactly one submitted attempt holding exactly the answers sent', async () => {
    const { port } = t.app.getHttpServer().address() as { port: number };
    const { stdout } = await promisify(execFile)(process.execPath, [
      BENCH, '--students', '200', '--ramp', '2', '--think', '0.02-0.1', '--course', 'hoc-thu', '--quiz', 'kiem-tra',
      '--api', `http://127.0.0.1:${port}`, '--database-url', t.config.database && 'url' in t.config.database ? t.config.database.url : '', '--json',
    ], { env: { ...process.env, BENCH_DATA_KEY: t.config.dataEncryptionKey.toString('base64') }, maxBuffer: 10_000_000 }).catch((err: { stdout?: string; stderr?: string }) => {
      throw new Error(`the bench failed: ${err.stderr ?? ''}\n${err.stdout ?? ''}`);
    });
    const report = JSON.parse(stdout) as Report;
    expect(report.failures).toEqual([]);
    expect(report.check).toEqual({ students: 200, recorded: 200, lostAnswers: 0, doubled: 0, notSubmitted: 0, problems: [] });
    // Every phase ran for everyone: 4 pages of the fixture's 7 questions.
    expect(Object.fromEntries(report.table.map((r) => [r.phase, r.requests]))).toEqual({ 'sign-in': 400, 'quiz page': 200, start: 200, save: 800, submit: 200, result: 200 });
  }, 300_000);
});
