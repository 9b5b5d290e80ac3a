import { CONSENT } from '../../src/modules/auth/consent';
import { User } from '../../src/modules/users/entities/user.entity';
import { nextPhone, unitsOf } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

describe('registration', () => {
  let t: TestApp;
  let communeId: string;
  let provinceId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const { province, communes } = await unitsOf(t.dataSource, '01');
    communeId = communes[0]!.id;
    provinceId = province.id;
  });
  afterAll(() => t.close());

  const valid = () => ({
    phone: nextPhone(),
    password: 'Hoc-so-that-vui-1',
    fullName: 'Trần Thị Bình',
    birthYear: 1955,
    targetGroup: 'citizen',
    unitId: communeId,
    consent: true,
    consentVersion: CONSENT.version,
  });
  const userCount = () => t.dataSource.getRepository(User).count();

  it('creates the account, signs the person in and stores the consent', async () => {
    const c = await t.client();
    const body = { ...valid(), organisationName: 'Hợp tác xã Rau sạch', organisationKind: 'cooperative' };
    const res = await c.post('/api/auth/register', body).expect(201);
    expect(res.body).toMatchObject({
      phone: body.phone,
      fullName: 'Trần Thị Bình',
      role: 'learner',
      targetGroup: 'citizen',
      unit: { id: communeId },
      province: { id: provinceId },
      organisation: { name: 'Hợp tác xã Rau sạch', kind: 'cooperative' },
      consentVersion: CONSENT.version,
    });
    expect(res.headers['set-cookie']?.toString()).toMatch(/sid=.*HttpOnly.*SameSite=Lax/i);
    await c.get('/api/auth/me').expect(200);
    // Stored encrypted: the raw phone number appears nowhere in the row.
    const row = (await t.dataSource.query(`SELECT * FROM users WHERE id = $1`, [res.body.id]))[0];
    expect(JSON.stringify(row)).not.toContain(body.phone.slice(1));
    expect(row.consent_at).toBeTruthy();
  });

  it('accepts an email instead of a phone, and +84 numbers in their usual form', async () => {
    const c = await t.client();
    const res = await c.post('/api/auth/register', { ...valid(), phone: undefined, email: 'Binh.Tran@Example.vn' }).expect(201);
    expect(res.body.email).toBe('binh.tran@example.vn');
    const phone = nextPhone();
    const res2 = await (await t.client()).post('/api/auth/register', { ...valid(), phone: `+84 ${phone.slice(1)}` }).expect(201);
    expect(res2.body.phone).toBe(phone);
  });

  const cases: [string, (b: Record<string, unknown>) => Record<string, unknown>, number, string, string][] = [
    ['an invalid phone', (b) => ({ ...b, phone: '0123' }), 400, 'VALIDATION_FAILED', 'phone'],
    ['a landline-looking number', (b) => ({ ...b, phone: '0241234567' }), 400, 'VALIDATION_FAILED', 'phone'],
    ['a weak password', (b) => ({ ...b, password: '12345678' }), 400, 'VALIDATION_FAILED', 'password'],
    ['a short password', (b) => ({ ...b, password: 'abc' }), 400, 'VALIDATION_FAILED', 'password'],
    ['a unit that does not exist', (b) => ({ ...b, unitId: '00000000-0000-4000-8000-000000000000' }), 400, 'UNIT_NOT_FOUND', 'unitId'],
    ['a province instead of a commune', (b) => ({ ...b, unitId: provinceId }), 400, 'UNIT_NOT_FOUND', 'unitId'],
    ['a target group outside the four', (b) => ({ ...b, targetGroup: 'tourist' }), 400, 'VALIDATION_FAILED', 'targetGroup'],
    ['a year of birth of the wrong type', (b) => ({ ...b, birthYear: 'nineteen' }), 400, 'VALIDATION_FAILED', 'birthYear'],
    ['an unknown field', (b) => ({ ...b, isAdmin: true }), 400, 'VALIDATION_FAILED', 'isAdmin'],
    ['no consent', (b) => ({ ...b, consent: false }), 400, 'VALIDATION_FAILED', 'consent'],
    ['an outdated consent text', (b) => ({ ...b, consentVersion: 'old' }), 400, 'CONSENT_OUTDATED', 'consentVersion'],
    ['neither phone nor email', (b) => ({ ...b, phone: undefined }), 400, 'VALIDATION_FAILED', 'phone'],
    ['an organisation without its kind', (b) => ({ ...b, organisationName: 'UBND xã' }), 400, 'VALIDATION_FAILED', 'organisationKind'],
  ];

  it.each(cases)('rejects %s with a 4xx naming the field, writing nothing', async (_, mutate, status, code, field) => {
    const before = await userCount();
    const res = await (await t.client()).post('/api/auth/register', mutate(valid())).expect(status);
    expect(res.body).toMatchObject({ code, requestId: expect.any(String) });
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await userCount()).toBe(before);
  });

  it('rejects a phone number already registered with 409 naming the field', async () => {
    const body = valid();
    await (await t.client()).post('/api/auth/register', body).expect(201);
    const res = await (await t.client()).post('/api/auth/register', { ...body, phone: `+84${body.phone.slice(1)}` }).expect(409);
    expect(res.body).toMatchObject({ code: 'LOGIN_TAKEN', details: [{ field: 'phone' }] });
  });

  it('creates one account when the same registration arrives twice at once', async () => {
    const body = valid();
    const [a, b] = await Promise.all([(await t.client()).post('/api/auth/register', body), (await t.client()).post('/api/auth/register', body)]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
  });

  it('answers malformed JSON, wrong content and oversized bodies in the common error format', async () => {
    const c = await t.client();
    const csrf = (await c.get('/api/auth/csrf')).body.csrfToken as string;
    const bad = await c.agent.post('/api/auth/register').set('x-csrf-token', csrf).set('content-type', 'application/json').send('{"phone": ');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'INVALID_JSON', requestId: expect.any(String) });
    const huge = await c.post('/api/auth/register', { ...valid(), fullName: 'A'.repeat(200_000) });
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses writes without the CSRF header', async () => {
    const c = await t.client();
    const res = await c.agent.post('/api/auth/register').send(valid()).expect(403);
    expect(res.body.code).toBe('CSRF_INVALID');
  });
});
