import { setTimeout as sleep } from 'node:timers/promises';
import { EmbeddedApi, type EmbeddedClient } from '../support/embedded-test-app';
import { EmbeddingsStandIn } from '../support/embeddings-stand-in';

type Answer = { mode: string; citations: { courseSlug: string; lessonSlug: string }[] };
type Retrieval = { ranking: string; reason: string | null; vectorExtension: boolean | null; embeddings: { model: string } | null; passages: number; embedded: number };

/**
 * Hybrid ranking on the embedded default, whose PGlite loads the vector extension: passages embedded by
 * the job through an OpenAI-compatible endpoint the test starts (deterministic vectors), then full text
 * fused with the nearest vectors. (On this machine's PostgreSQL, without pgvector: assistant-embeddings.int-spec.ts.)
 */
describe('assistant: hybrid ranking with an embedding endpoint (embedded PGlite with its vector extension)', () => {
  let api: EmbeddedApi;
  let embeddings: EmbeddingsStandIn;
  let learner: EmbeddedClient;
  let admin: EmbeddedClient;
  const retrieval = async () => ((await admin.get('/api/admin/assistant').expect(200)).body as { retrieval: Retrieval }).retrieval;

  beforeAll(async () => {
    embeddings = new EmbeddingsStandIn();
    const url = await embeddings.start();
    api = await EmbeddedApi.start({
      ASSISTANT_EMBEDDINGS_URL: url, ASSISTANT_EMBEDDINGS_MODEL: 'stand-in-embed', ASSISTANT_EMBEDDINGS_MIN_SIMILARITY: '0.3',
      ASSISTANT_EMBEDDINGS_TIMEOUT_MS: '300', ASSISTANT_PER_PERSON_PER_HOUR: '10000',
    });
    learner = await api.signIn('0900000001');
    admin = await api.signIn('0900000003');
    // The job started with the API embeds every passage.
    for (let i = 0; i < 600; i++) {
      const r = await retrieval();
      if (r.embedded > 0 && r.embedded === r.passages) break;
      await sleep(200);
    }
  }, 240_000);
  afterAll(async () => {
    await api?.stop();
    await embeddings?.stop();
  });

  it('embeds every passage once and says on the administrators’ page that ranking is hybrid', async () => {
    const r = await retrieval();
    expect(r).toMatchObject({ ranking: 'hybrid', reason: null, vectorExtension: true, embeddings: { model: 'stand-in-embed' } });
    expect(r.passages).toBeGreaterThan(100);
    expect(r.embedded).toBe(r.passages);
    const texts = embeddings.embeddedTexts;
    expect(new Set(texts).size).toBe(texts.length);
    expect(embeddings.requests.every((r) => r.model === 'stand-in-embed' && r.input.length <= 16)).toBe(true);
  });

  it('keeps the retrieval floor on the question set with full text fused with vectors', async () => {
    const r = await api.command<{ recall1: number; recall3: number; rankings: string[]; questions: number }>('recall');
    expect(r.questions).toBeGreaterThanOrEqual(150);
    expect(r.rankings).toEqual(['hybrid']);
    expect(r.recall1).toBeGreaterThanOrEqual(0.85);
    expect(r.recall3).toBeGreaterThanOrEqual(0.95);
  });

  it('answers, through the vectors, words no lesson uses that full text alone declines', async () => {
    // Full text alone answers this with "no lesson speaks of it" (assistant-embeddings.int-spec.ts).
    const question = 'con dế yêu của tôi bị sập nguồn';
    const answer = (await learner.post('/api/assistant/questions', { question }).expect(200)).body as Answer;
    expect(answer.mode).toBe('passages');
    expect(answer.citations[0]).toMatchObject({ courseSlug: 'dien-thoai-thong-minh-lan-dau', lessonSlug: '05-tu-xu-ly-truc-trac' });
    // Still nothing to say about what no lesson teaches.
    expect((await learner.post('/api/assistant/questions', { question: 'cách nấu bún bò Huế' }).expect(200)).body.mode).toBe('none');
  });

  it('re-embeds only the passages whose text changed when the content is imported again', async () => {
    const before = embeddings.embeddedTexts.length;
    await api.command('republishPhoneLesson');
    for (let i = 0; i < 100 && embeddings.embeddedTexts.length === before; i++) await sleep(100);
    await sleep(500);
    const added = embeddings.embeddedTexts.slice(before);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^Điện thoại bị nóng\n\nĐể máy nghỉ/);
    const r = await retrieval();
    expect(r.embedded).toBe(r.passages);
  });

  it('falls back to full text alone, quickly, when the endpoint fails or is slow', async () => {
    for (const behaviour of [{ kind: 'fail', status: 500 }, { kind: 'slow', delayMs: 3000 }] as const) {
      embeddings.behaviour = behaviour;
      const started = Date.now();
      // A question not asked before (question vectors are remembered).
      const answer = (await learner.post('/api/assistant/questions', { question: `quên mật khẩu zalo lần ${behaviour.kind}` }).expect(200)).body as Answer;
      expect(Date.now() - started).toBeLessThan(2000);
      expect(answer.mode).toBe('passages');
    }
    embeddings.behaviour = { kind: 'ok' };
  });
});
