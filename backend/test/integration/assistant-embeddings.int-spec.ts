import { setTimeout as sleep } from 'node:timers/promises';
import { AssistantEmbedProcessor } from '../../src/modules/assistant/jobs/assistant-embed.processor';
import { EmbeddingUnavailable } from '../../src/modules/assistant/retrieval/embedding.client';
import { EmbeddingsStandIn } from '../support/embeddings-stand-in';
import { createUser, loginAs, unitsOf } from '../support/factories';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

type Retrieval = { ranking: string; reason: string | null; vectorExtension: boolean | null; passages: number; embedded: number };

/**
 * The embedding job and what ranking does on this machine's PostgreSQL: Debian's PostgreSQL 15 has no
 * pgvector package, so the vectors are stored but ranking stays full text, and the administrators' page
 * says why. (Where the server has pgvector the same test expects hybrid ranking.)
 */
describe('assistant: passage vectors on PostgreSQL', () => {
  let t: TestApp;
  let embeddings: EmbeddingsStandIn;
  let learner: TestClient;
  let admin: TestClient;
  let hasPgvector: boolean;
  const retrieval = async (client = admin) => ((await client.get('/api/admin/assistant').expect(200)).body as { retrieval: Retrieval }).retrieval;
  const job = (reason: string) => t.app.get(AssistantEmbedProcessor).process({ id: reason, queue: 'assistant-embed', data: { reason }, attempt: 1, updateProgress: async () => undefined });

  beforeAll(async () => {
    embeddings = new EmbeddingsStandIn();
    t = await startTestApp({ ASSISTANT_EMBEDDINGS_URL: await embeddings.start(), ASSISTANT_EMBEDDINGS_MODEL: 'stand-in-embed', ASSISTANT_EMBEDDINGS_KEY: 'embed-key', ASSISTANT_PER_PERSON_PER_HOUR: '1000' });
    const commune = (await unitsOf(t.dataSource, '01')).communes[0]!;
    learner = await loginAs(t, (await createUser(t, { commune })).phone);
    admin = await loginAs(t, (await createUser(t, { commune, role: 'admin', scope: { level: 'nation', unitId: null } })).phone);
    [{ hasPgvector }] = await t.dataSource.query(`SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') AS "hasPgvector"`);
    // The job queued when the API started embeds every passage.
    for (let i = 0; i < 300; i++) {
      const r = await retrieval();
      if (r.embedded > 0 && r.embedded === r.passages) break;
      await sleep(200);
    }
  });
  afterAll(async () => {
    await t.close();
    await embeddings.stop();
  });

  it('embeds each distinct passage text once, with the configured model and key, when the API starts', async () => {
    const r = await retrieval();
    expect(r.passages).toBeGreaterThan(100);
    expect(r.embedded).toBe(r.passages);
    expect(new Set(embeddings.embeddedTexts).size).toBe(embeddings.embeddedTexts.length);
    expect(embeddings.requests.every((q) => q.model === 'stand-in-embed' && q.authorization === 'Bearer embed-key')).toBe(true);
    // Nothing missing: running the job again sends nothing.
    const sent = embeddings.requests.length;
    await job('again');
    expect(embeddings.requests.length).toBe(sent);
  });

  it('keeps what a failed run stored and embeds only what is still missing on the retry', async () => {
    await t.dataSource.query(`DELETE FROM assistant_passage_embeddings WHERE content_hash IN (SELECT content_hash FROM assistant_passage_embeddings ORDER BY content_hash LIMIT 20)`);
    embeddings.behaviour = { kind: 'fail', status: 503 };
    await expect(job('endpoint down')).rejects.toBeInstanceOf(EmbeddingUnavailable);
    expect((await retrieval()).embedded).toBe((await retrieval()).passages - 20);
    embeddings.behaviour = { kind: 'ok' };
    const before = embeddings.embeddedTexts.length;
    await job('retry');
    expect(embeddings.embeddedTexts.length - before).toBe(20);
    const r = await retrieval();
    expect(r.embedded).toBe(r.passages);
    // Vectors of another model, or of texts no passage has any more, are dropped.
    await t.dataSource.query(`INSERT INTO assistant_passage_embeddings (model, content_hash, embedding) VALUES ('old-model', 'x', '{1,0}'), ('stand-in-embed', 'gone', '{1,0}')`);
    await job('prune');
    expect(await t.dataSource.query(`SELECT model FROM assistant_passage_embeddings WHERE model = 'old-model' OR content_hash = 'gone'`)).toEqual([]);
  });

  it('without pgvector ranks with full text alone, says so to administrators, and sends no question out', async () => {
    const r = await retrieval();
    if (hasPgvector) {
      expect(r).toMatchObject({ ranking: 'hybrid', reason: null, vectorExtension: true });
      return;
    }
    expect(r).toMatchObject({ ranking: 'full_text', reason: 'no_extension', vectorExtension: false });
    const sent = embeddings.requests.length;
    const answer = (await learner.post('/api/assistant/questions', { question: 'lo bam vao link la thi phai lam sao' }).expect(200)).body;
    expect(answer.mode).toBe('passages');
    // Words no lesson uses stay unanswered with full text alone (the vectors answer them: assistant-hybrid.int-spec.ts).
    expect((await learner.post('/api/assistant/questions', { question: 'con dế yêu của tôi bị sập nguồn' }).expect(200)).body.mode).toBe('none');
    expect(embeddings.requests.length).toBe(sent);
  });

  it('says, without an endpoint, that ranking is full text because none is configured', async () => {
    const plain = await startTestApp();
    try {
      const commune = (await unitsOf(plain.dataSource, '01')).communes[0]!;
      const nation = await loginAs(plain, (await createUser(plain, { commune, role: 'admin', scope: { level: 'nation', unitId: null } })).phone);
      expect(await retrieval(nation)).toMatchObject({ ranking: 'full_text', reason: 'no_endpoint', embeddings: null, vectorExtension: null, embedded: 0 });
    } finally {
      await plain.close();
    }
  });
});
