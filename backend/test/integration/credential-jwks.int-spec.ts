import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { setTimeout as sleep } from 'node:timers/promises';
import { createUser, loginAs, unitsOf } from '../support/factories';
import { correctAnswers } from '../support/quiz-answers';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * What a third party does with a learner's credential: fetch the published key set and verify the
 * JWT with a standard library (jose), offline. Nothing of the platform's own verification is used.
 */
describe('Open Badges credential verified with jose against /.well-known/jwks.json', () => {
  let t: TestApp;
  let jwt: string;
  let jwks: ReturnType<typeof createLocalJWKSet>;

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL: 'https://hocvuso.example.vn' });
    await t.dataSource.query(`UPDATE certification_policies SET required_courses = '{}', min_overall_score = 0, min_domain_score = 0`);
    const { communes } = await unitsOf(t.dataSource, '01');
    const learner = await createUser(t, { commune: communes[0]!, fullName: 'Lê Thị Hồng' });
    const c = await loginAs(t, learner.phone);
    const attempt = (await c.post('/api/self-assessment/attempts').expect(201)).body as { id: string; competencies: { code: string }[] };
    const ratings = Object.fromEntries(attempt.competencies.map((x) => [x.code, 3]));
    await c.post(`/api/self-assessment/attempts/${attempt.id}/submission`, { ratings, answers: await correctAnswers(t.dataSource, attempt.id, 'assessment_attempts') }).expect(200);
    let recordId: string | undefined;
    for (let i = 0; i < 50 && !recordId; i++) {
      recordId = ((await c.get('/api/certification').expect(200)).body as { record: { id: string } | null }).record?.id;
      if (!recordId) await sleep(100);
    }
    jwt = ((await c.get(`/api/me/records/${recordId!}/credential`).expect(200)).body as { jwt: string }).jwt;
    const published = await (await t.client()).get('/.well-known/jwks.json').expect(200);
    expect(published.headers['content-type']).toMatch(/application\/json/);
    jwks = createLocalJWKSet(published.body as Parameters<typeof createLocalJWKSet>[0]);
  });
  afterAll(() => t.close());

  it('verifies, as an OpenBadgeCredential naming the holder and the issuer', async () => {
    expect(decodeProtectedHeader(jwt)).toMatchObject({ alg: 'EdDSA' });
    const { payload } = await jwtVerify(jwt, jwks, { issuer: 'https://hocvuso.example.vn/api/issuer', algorithms: ['EdDSA'] });
    expect(payload).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: 'https://hocvuso.example.vn/api/issuer', type: ['Profile'] },
      credentialSubject: {
        type: ['AchievementSubject'],
        identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'Lê Thị Hồng' }],
        achievement: { type: ['Achievement'], achievementType: 'Certificate' },
      },
    });
    expect(payload.jti).toMatch(/^https:\/\/hocvuso\.example\.vn\/verify\/[0-9A-Z-]{14}$/);
    expect(typeof payload.nbf).toBe('number');
  });

  it('fails for a changed payload, a changed signature and another key', async () => {
    const [header, body, signature] = jwt.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const forgedBody = Buffer.from(JSON.stringify({ ...claims, name: 'Bằng giả' })).toString('base64url');
    await expect(jwtVerify(`${header}.${forgedBody}.${signature}`, jwks)).rejects.toThrow(/signature verification failed/);
    const flipped = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
    await expect(jwtVerify(`${header}.${body}.${flipped}`, jwks)).rejects.toThrow(/signature verification failed/);
    const other = createLocalJWKSet({ keys: [{ kty: 'OKP', crv: 'Ed25519', x: Buffer.alloc(32, 7).toString('base64url'), kid: decodeProtectedHeader(jwt).kid }] });
    await expect(jwtVerify(jwt, other)).rejects.toThrow();
  });
});
