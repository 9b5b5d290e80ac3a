import { setTimeout as sleep } from 'node:timers/promises';
import { decodeJwt } from 'jose';
import { CONSENT } from '../../src/modules/auth/consent';
import type { AdminUnit } from '../../src/modules/units/entities/admin-unit.entity';
import { createUser, loginAs, PASSWORD, unitsOf } from '../support/factories';
import { OidcTestProvider } from '../support/oidc-provider-process';
import { correctAnswers } from '../support/quiz-answers';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

const PUBLIC_URL = 'http://localhost:3119';
const CALLBACK = `${PUBLIC_URL}/api/auth/identity-providers/vneid/callback`;
const SESSION_TTL_S = 2;

/**
 * Sign-in with OpenID Connect against a real provider (`oidc-provider`, started here): accounts
 * from claims, linking, refused replays and forgeries, a changed identity number, the provider's
 * session running out, a password reset through the provider, and records that say so.
 */
describe('sign-in with an identity provider (VNeID)', () => {
  let t: TestApp;
  let idp: OidcTestProvider;
  let commune: AdminUnit;
  let seq = 0;

  beforeAll(async () => {
    idp = await OidcTestProvider.start({ clientId: 'bdhvs', clientSecret: 'bi-mat-cua-ung-dung', redirectUris: [CALLBACK], sessionTtlSeconds: SESSION_TTL_S });
    t = await startTestApp({
      PUBLIC_URL,
      OIDC_PROVIDERS: JSON.stringify([{ id: 'vneid', issuer: idp.issuer, clientId: 'bdhvs', clientSecret: 'bi-mat-cua-ung-dung', scopes: 'openid profile' }]),
    });
    commune = (await unitsOf(t.dataSource, '01')).communes[0]!;
  });
  afterAll(async () => {
    await t.close();
    await idp.stop();
  });

  /** A citizen known to the provider, with a fresh identity number. */
  async function citizen(claims: Record<string, unknown> = {}) {
    seq += 1;
    const sub = `cong-dan-${process.pid}-${seq}`;
    const citizenId = `0012030${String(process.pid % 1000).padStart(3, '0')}${String(seq).padStart(2, '0')}`;
    await idp.setAccount(sub, { name: 'Trần Thị Bích Ngọc', birthdate: '1961-05-20', citizen_id: citizenId, ...claims });
    return { sub, citizenId };
  }

  /** The browser goes to the provider (as `sub`) and comes back; returns where the platform sends it next. */
  async function viaProvider(c: TestClient, start: string, sub: string, body: object = { intent: 'signin' }) {
    const { url } = (await c.post(start, body).expect(201)).body as { url: string };
    idp.newBrowser(); // each person at their own device
    const { callback } = await idp.roundTrip(url, { signInAs: sub });
    expect(callback.toString().startsWith(CALLBACK)).toBe(true);
    return { callback, res: await c.get(callback.pathname + callback.search).expect(302) };
  }
  const signIn = (c: TestClient, sub: string) => viaProvider(c, '/api/auth/identity-providers/vneid/authorization', sub);
  const hasSession = (res: { headers: Record<string, unknown> }) => String(res.headers['set-cookie'] ?? '').includes('sid=');

  function register(c: TestClient) {
    return c.post('/api/auth/identity/registration', { targetGroup: 'citizen', unitId: commune.id, consent: true, consentVersion: CONSENT.version });
  }

  it('lists the configured providers, the first labelled VNeID', async () => {
    const c = await t.client();
    expect((await c.get('/api/auth/identity-providers').expect(200)).body).toEqual([{ id: 'vneid', label: 'VNeID' }]);
    await c.post('/api/auth/identity-providers/khong-co/authorization', { intent: 'signin' }).expect(404);
    expect((await c.post('/api/auth/identity-providers/vneid/authorization', { intent: 'other' }).expect(400)).body.details[0].field).toBe('intent');
  });

  it('answers a hostile callback with a redirect, never an error page', async () => {
    const c = await t.client();
    for (const query of ['', '?state=', '?state=a&state=b&code=x', `?state=${'A'.repeat(5000)}`, '?error=%3Cscript%3E', '?code[]=1&state[x]=2']) {
      const res = await c.get(`/api/auth/identity-providers/vneid/callback${query}`);
      expect([res.status, res.headers.location]).toEqual([302, '/dang-nhap?dinh-danh=state']);
    }
    // An encoded NUL is refused before any route, as everywhere.
    expect((await c.get('/api/auth/identity-providers/vneid/callback?state=%00&code=%00')).status).toBe(400);
  });

  it('creates an account from the claims with consent, keeps only a keyed hash of the identity number, then signs in', async () => {
    const { sub, citizenId } = await citizen({ phone_number: '+84 912 000 119' });
    const c = await t.client();
    const { res } = await signIn(c, sub);
    expect(res.headers.location).toBe('/dang-ky/dinh-danh');
    expect(hasSession(res)).toBe(false);

    expect((await c.get('/api/auth/identity/registration').expect(200)).body).toEqual({ providerLabel: 'VNeID', fullName: 'Trần Thị Bích Ngọc', birthYear: 1961, phone: '091*****19' });
    const missingConsent = await c.post('/api/auth/identity/registration', { targetGroup: 'citizen', unitId: commune.id, consentVersion: CONSENT.version }).expect(400);
    expect(missingConsent.body.details[0].field).toBe('consent');
    const me = (await register(c).expect(201)).body as { id: string; fullName: string; birthYear: number; phone: string; identityVerifiedBy: string; hasPassword: boolean };
    expect(me).toMatchObject({ fullName: 'Trần Thị Bích Ngọc', birthYear: 1961, phone: '0912000119', identityVerifiedBy: 'VNeID', hasPassword: false });
    // Signed in, with a CSRF token bound to the new session: a write goes through.
    await c.get('/api/auth/me').expect(200);
    await c.post('/api/auth/password-reset/email', { email: 'khong-co@example.vn' }).expect(202);
    // Once only.
    await register(c).expect(404);

    const [row] = (await t.dataSource.query('SELECT * FROM users WHERE id = $1', [me.id])) as Record<string, unknown>[];
    expect(row!.citizen_id_hash).toBeInstanceOf(Buffer);
    expect(JSON.stringify(row)).not.toContain(citizenId);
    const logins = JSON.stringify(await t.dataSource.query('SELECT * FROM identity_logins'));
    expect(logins).not.toContain(citizenId);

    // Next time, from another browser: straight in.
    const again = await t.client();
    const back = await signIn(again, sub);
    expect(back.res.headers.location).toBe('/hoc-tap');
    expect(hasSession(back.res)).toBe(true);
    expect(((await again.get('/api/auth/me').expect(200)).body as { id: string }).id).toBe(me.id);
    await again.post('/api/auth/logout').expect(204);
  });

  it('refuses a replayed state, a forged state, another browser’s answer and a forged nonce', async () => {
    const { sub } = await citizen();
    const c = await t.client();
    const first = await signIn(c, sub);
    expect(first.res.headers.location).toBe('/dang-ky/dinh-danh');
    const replay = await c.get(first.callback.pathname + first.callback.search).expect(302);
    expect(replay.headers.location).toBe('/dang-nhap?dinh-danh=state');

    const { url } = (await c.post('/api/auth/identity-providers/vneid/authorization', { intent: 'signin' }).expect(201)).body as { url: string };
    idp.newBrowser();
    const { callback } = await idp.roundTrip(url, { signInAs: sub });
    const forged = new URL(callback);
    forged.searchParams.set('state', 'trang-thai-gia-mao');
    expect((await c.get(forged.pathname + forged.search).expect(302)).headers.location).toBe('/dang-nhap?dinh-danh=state');
    const stranger = await t.client();
    const stolen = await stranger.get(callback.pathname + callback.search).expect(302);
    expect(stolen.headers.location).toBe('/dang-nhap?dinh-danh=state');
    expect(hasSession(stolen)).toBe(false);
    // Consumed by the stranger's try: the owner cannot use it either.
    expect((await c.get(callback.pathname + callback.search).expect(302)).headers.location).toBe('/dang-nhap?dinh-danh=state');

    const next = (await c.post('/api/auth/identity-providers/vneid/authorization', { intent: 'signin' }).expect(201)).body as { url: string };
    await t.dataSource.query(`UPDATE identity_logins SET nonce = 'gia-mao' WHERE consumed_at IS NULL`);
    idp.newBrowser();
    const back = (await idp.roundTrip(next.url, { signInAs: sub })).callback;
    const refused = await c.get(back.pathname + back.search).expect(302);
    expect(refused.headers.location).toBe('/dang-nhap?dinh-danh=token');
    expect(hasSession(refused)).toBe(false);
  });

  it('links a provider to an existing account after signing in, and refuses a changed identity number', async () => {
    const user = await createUser(t, { commune, fullName: 'Lê Văn Bình' });
    const c = await loginAs(t, user.phone);
    const { sub } = await citizen();
    const { res } = await viaProvider(c, '/api/me/identity-links/vneid/authorization', sub, {});
    expect(res.headers.location).toBe('/ho-so?dinh-danh=da-lien-ket');
    expect(((await c.get('/api/me/identity-links').expect(200)).body as { providerLabel: string }[]).map((l) => l.providerLabel)).toEqual(['VNeID']);
    expect(((await c.get('/api/auth/me').expect(200)).body as { identityVerifiedBy: string }).identityVerifiedBy).toBe('VNeID');

    const other = await t.client();
    expect((await signIn(other, sub)).res.headers.location).toBe('/hoc-tap');
    expect(((await other.get('/api/auth/me').expect(200)).body as { id: string }).id).toBe(user.id);

    // The same provider account cannot be linked to a second person.
    const second = await createUser(t, { commune });
    const sc = await loginAs(t, second.phone);
    expect((await viaProvider(sc, '/api/me/identity-links/vneid/authorization', sub, {})).res.headers.location).toBe('/ho-so?dinh-danh=identity_taken');

    // The provider now says another identity number for the same account: refused, no session.
    await idp.setAccount(sub, { name: 'Lê Văn Bình', citizen_id: '079099000001' });
    const changed = await signIn(await t.client(), sub);
    expect(changed.res.headers.location).toBe('/dang-nhap?dinh-danh=identity_changed');
    expect(hasSession(changed.res)).toBe(false);
  });

  it('handles the provider’s session running out, the provider giving up and a round trip that took too long', async () => {
    const { sub } = await citizen();
    idp.newBrowser();
    const c = await t.client();
    const start = async () => ((await c.post('/api/auth/identity-providers/vneid/authorization', { intent: 'signin' }).expect(201)).body as { url: string }).url;
    expect((await idp.roundTrip(await start(), { signInAs: sub })).askedToSignIn).toBe(true);
    expect((await idp.roundTrip(await start(), { signInAs: sub })).askedToSignIn).toBe(false);
    await sleep(SESSION_TTL_S * 1000 + 500);
    const expired = await idp.roundTrip(await start(), { signInAs: sub });
    expect(expired.askedToSignIn).toBe(true);
    expect((await c.get(expired.callback.pathname + expired.callback.search).expect(302)).headers.location).toBe('/dang-ky/dinh-danh');

    idp.newBrowser();
    const gaveUp = (await idp.roundTrip(await start(), { abort: 'login_required' })).callback;
    expect(gaveUp.searchParams.get('error')).toBe('login_required');
    const res = await c.get(gaveUp.pathname + gaveUp.search).expect(302);
    expect(res.headers.location).toBe('/dang-nhap?dinh-danh=provider_error');
    expect(hasSession(res)).toBe(false);

    const slow = await start();
    await t.dataSource.query(`UPDATE identity_logins SET expires_at = now() - interval '1 second' WHERE consumed_at IS NULL`);
    const late = (await idp.roundTrip(slow, { signInAs: sub })).callback;
    expect((await c.get(late.pathname + late.search).expect(302)).headers.location).toBe('/dang-nhap?dinh-danh=expired');
  });

  it('lets a person signed in through the provider choose a new password without the commune office', async () => {
    const user = await createUser(t, { commune, fullName: 'Phạm Thị Hoa' });
    const old = await loginAs(t, user.phone);
    const { sub } = await citizen();
    await viaProvider(old, '/api/me/identity-links/vneid/authorization', sub, {});

    const c = await t.client();
    const reset = '/api/auth/identity-providers/vneid/authorization';
    const { res } = await viaProvider(c, reset, sub, { intent: 'reset' });
    expect(res.headers.location).toBe('/quen-mat-khau/dinh-danh');
    expect(hasSession(res)).toBe(false);
    const weak = await c.post('/api/auth/identity/password-reset', { newPassword: '123' }).expect(400);
    expect(weak.body.details[0].field).toBe('newPassword');
    await c.post('/api/auth/identity/password-reset', { newPassword: 'Mat-khau-moi-2026!' }).expect(200);
    await c.get('/api/auth/me').expect(200);
    await c.post('/api/auth/identity/password-reset', { newPassword: 'Mat-khau-khac-2026!' }).expect(404);
    // Every earlier session ends; the new password works, the old one does not.
    await old.get('/api/auth/me').expect(401);
    await (await t.client()).post('/api/auth/login', { login: user.phone, password: 'Mat-khau-moi-2026!' }).expect(200);
    await (await t.client()).post('/api/auth/login', { login: user.phone, password: PASSWORD }).expect(401);

    // A provider account linked to nobody here cannot reset anything.
    const stranger = await citizen();
    expect((await viaProvider(await t.client(), reset, stranger.sub, { intent: 'reset' })).res.headers.location).toBe('/dang-nhap?dinh-danh=not_linked');
  });

  it('says on the record, the credential and the verification page that the holder’s identity was verified', async () => {
    const nation = await loginAs(t, (await createUser(t, { commune, role: 'admin', scope: { level: 'nation', unitId: null } })).phone);
    await nation.put('/api/admin/certification-policies/citizen', {
      requiredCourses: [], minOverallScore: 0, minDomainScore: 0, requireProfileLevels: false,
      questionsPerCompetency: 1, selfRatingWeight: 30, maxAttempts: null, cooldownHours: 0, timeLimitMinutes: null,
    }).expect(200);
    const { sub } = await citizen();
    const c = await t.client();
    await signIn(c, sub);
    await register(c).expect(201);
    const attempt = (await c.post('/api/self-assessment/attempts').expect(201)).body as { id: string; competencies: { code: string }[] };
    const answers = await correctAnswers(t.dataSource, attempt.id, 'assessment_attempts');
    const ratings = Object.fromEntries(attempt.competencies.map((x) => [x.code, 3]));
    await c.post(`/api/self-assessment/attempts/${attempt.id}/submission`, { ratings, answers }).expect(200);
    let record: { id: string; code: string; identityVerifiedBy: string | null } | null = null;
    for (let i = 0; i < 100 && !record; i++) {
      record = ((await c.get('/api/certification').expect(200)).body as { record: typeof record }).record;
      if (!record) await sleep(100);
    }
    expect(record!.identityVerifiedBy).toBe('VNeID');
    expect(((await c.get(`/api/verify/${record!.code}`).expect(200)).body as { identityVerifiedBy: string }).identityVerifiedBy).toBe('VNeID');
    const { jwt } = (await c.get(`/api/me/records/${record!.id}/credential`).expect(200)).body as { jwt: string };
    expect(decodeJwt(jwt).evidence).toEqual([{ type: ['Evidence'], name: 'Xác thực danh tính', description: 'Danh tính đã được xác thực qua VNeID' }]);
  });
});
