/**
 * The API on the embedded default (PGlite in memory, migrated, with the shipped units and courses; no
 * Redis) in a child process, from the TypeScript sources compiled as Jest compiles them. PGlite loads its
 * vector extension with dynamic imports, which Jest's module sandbox refuses, hence a process of its own.
 * Prints {"url"} once listening; then answers one JSON line per command line on standard input.
 */
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { createInterface } = require('node:readline');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
require('reflect-metadata');
const src = path.join(__dirname, '../../src');
const { createApi } = require(path.join(src, 'bootstrap/create-api'));
const { loadConfig, REPO_ROOT } = require(path.join(src, 'config/config'));
const { HybridRetriever } = require(path.join(src, 'modules/assistant/retrieval/hybrid-retriever.service'));
const { lessonOrder, readQuestionSet, recallAt } = require(path.join(src, 'modules/assistant/retrieval/question-set'));
const { JobQueue } = require(path.join(src, 'jobs/job-queue'));
const { DataSource } = require('typeorm');

/** What a test may ask the process for, beyond HTTP. */
const commands = {
  /** recall@1 and @3 of the retriever (hybrid when vectors are there) on the question set, and the rankings used. */
  async recall(app) {
    const retriever = app.get(HybridRetriever);
    const results = [];
    const rankings = new Set();
    for (const q of readQuestionSet(REPO_ROOT)) {
      const { hits, ranking } = await retriever.retrieve(q.question, 30);
      rankings.add(ranking);
      results.push({ expected: q.lessons, ranked: lessonOrder(hits.map((h) => `${h.courseSlug}/${h.lessonSlug}`)) });
    }
    return { recall1: recallAt(results, 1), recall3: recallAt(results, 3), rankings: [...rankings], questions: results.length };
  },
  /** A new section at the end of one lesson, published as an import publishes: a new content hash, then the index job. */
  async republishPhoneLesson(app) {
    const db = app.get(DataSource);
    await db.query(`UPDATE lessons SET body = body || E'\\n\\n## Điện thoại bị nóng\\n\\nĐể máy nghỉ, tháo ốp lưng và không sạc khi máy đang nóng.\\n' WHERE slug = '05-tu-xu-ly-truc-trac'`);
    await db.query(`UPDATE courses SET content_hash = md5(content_hash) WHERE slug = 'dien-thoai-thong-minh-lan-dau'`);
    await app.get(JobQueue).enqueue('assistant-index', { reason: 'test republish' }, 'assistant-index-test-republish');
    return {};
  },
};

(async () => {
  const { app } = await createApi(loadConfig(JSON.parse(process.env.EMBEDDED_API_ENV)));
  await app.listen(0, '127.0.0.1');
  process.stdout.write(`${JSON.stringify({ url: await app.getUrl() })}\n`);
  for await (const line of createInterface({ input: process.stdin })) {
    const { command } = JSON.parse(line);
    process.stdout.write(`${JSON.stringify(await commands[command](app))}\n`);
  }
  await app.close();
  process.exit(0);
})().catch((err) => {
  process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
