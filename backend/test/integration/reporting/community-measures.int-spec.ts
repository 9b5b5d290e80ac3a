import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { strFromU8, unzipSync } from 'fflate';
import { CONSENT } from '../../../src/modules/auth/consent';
import type { AdminUnit } from '../../../src/modules/units/entities/admin-unit.entity';
import { createUser, giveRecord, loginAs, unitsOf } from '../../support/factories';
import { startTestApp, type TestApp, type TestClient } from '../../support/test-app';

type Measures = Record<string, number | null>;
/** Each sheet of an xlsx by its name, as rows of text, read from the package's XML. */
function sheets(xlsx: Buffer): Map<string, string[][]> {
  const files = unzipSync(new Uint8Array(xlsx));
  const names = [...strFromU8(files['xl/workbook.xml']!).matchAll(/<sheet name="([^"]*)"/g)].map((m) => m[1]!);
  return new Map(names.map((name, i) => {
    const xml = strFromU8(files[`xl/worksheets/sheet${i + 1}.xml`]!);
    return [name, [...xml.matchAll(/<row [^>]*>(.*?)<\/row>/g)].map((r) => [...r[1]!.matchAll(/<c [^>]*?(?:\/>|>(?:<is><t[^>]*>(.*?)<\/t><\/is>|<v>(.*?)<\/v>)<\/c>)/g)].map((c) => c[1] ?? c[2] ?? ''))];
  }));
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = await probe();
    if (value) return value;
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}`);
}

type Report = { total: Measures; children: { unit: { id: string }; measures: Measures }[]; householdRule: { requiredPercent: number } };

/**
 * The community measures in the administrators' reports, scoped like every other figure: a commune
 * administrator counts only their commune, a province administrator its communes one by one.
 */
describe('community measures in reports', () => {
  let t: TestApp;
  let a: AdminUnit;
  let b: AdminUnit;
  let adminA: TestClient;
  let adminProvince: TestClient;
  let otherProvince: TestClient;
  let nation: TestClient;

  /** In commune `u`: a team member who registered one resident and logged a visit, an ambassador with two mentees (one holding a record), a household of two adults both holding records, a verified identity. */
  async function populate(u: AdminUnit): Promise<void> {
    const admin = await loginAs(t, (await createUser(t, { commune: u, role: 'admin', scope: { level: 'commune', unitId: u.id } })).phone);
    const member = await createUser(t, { commune: u });
    await admin.put(`/api/admin/community-team/${member.id}`).expect(204);
    const asMember = await loginAs(t, member.phone);
    const { resident } = (await asMember.post('/api/community/residents', {
      fullName: 'Nguyễn Thị Lan', birthYear: 1950, targetGroup: 'citizen', consent: true, consentVersion: CONSENT.version, consentMethod: 'spoken',
    }).expect(201)).body as { resident: { id: string } };
    await asMember.post('/api/community/visits', { id: randomUUID(), visitedAt: new Date().toISOString(), peopleHelped: 3, residentIds: [resident.id] }).expect(200);

    const ambassador = await createUser(t, { commune: u });
    await giveRecord(t, ambassador.id);
    const asAmbassador = await loginAs(t, ambassador.phone);
    const code = ((await asAmbassador.put('/api/me/ambassador').expect(200)).body as { ambassador: { inviteCode: string } }).ambassador.inviteCode;
    const [m1, m2] = [await createUser(t, { commune: u }), await createUser(t, { commune: u })];
    await giveRecord(t, m1.id);
    for (const m of [m1, m2]) await (await loginAs(t, m.phone)).put('/api/me/mentorship', { code, consent: true }).expect(200);

    const owner = await createUser(t, { commune: u });
    const spouse = await createUser(t, { commune: u });
    const asOwner = await loginAs(t, owner.phone);
    const household = ((await asOwner.post('/api/households', { name: 'Nhà số' }).expect(201)).body as { household: { inviteCode: string } }).household;
    await (await loginAs(t, spouse.phone)).put('/api/me/household', { code: household.inviteCode, consent: true }).expect(200);
    for (const p of [owner, spouse]) await giveRecord(t, p.id);

    const verified = await createUser(t, { commune: u });
    await t.dataSource.query(`UPDATE users SET identity_verified_at = now(), identity_provider = 'vneid' WHERE id = $1`, [verified.id]);
  }

  beforeAll(async () => {
    t = await startTestApp({ REPORT_MIN_COUNT: '1' });
    const hanoi = await unitsOf(t.dataSource, '01');
    [a, b] = hanoi.communes as [AdminUnit, AdminUnit];
    await populate(a);
    await populate(b);
    // A household of commune B with only one of two adults holding a record: a household, not a digital one.
    const owner = await createUser(t, { commune: b });
    const other = await createUser(t, { commune: b });
    const asOwner = await loginAs(t, owner.phone);
    const { household } = (await asOwner.post('/api/households', { name: 'Nhà chưa số' }).expect(201)).body as { household: { inviteCode: string } };
    await (await loginAs(t, other.phone)).put('/api/me/household', { code: household.inviteCode, consent: true }).expect(200);
    await giveRecord(t, owner.id);
    adminA = await loginAs(t, (await createUser(t, { commune: a, role: 'admin', scope: { level: 'commune', unitId: a.id } })).phone);
    adminProvince = await loginAs(t, (await createUser(t, { commune: a, role: 'admin', scope: { level: 'province', unitId: hanoi.province.id } })).phone);
    const elsewhere = await unitsOf(t.dataSource, '04');
    otherProvince = await loginAs(t, (await createUser(t, { commune: elsewhere.communes[0]!, role: 'admin', scope: { level: 'province', unitId: elsewhere.province.id } })).phone);
    nation = await loginAs(t, (await createUser(t, { commune: elsewhere.communes[0]!, role: 'admin', scope: { level: 'nation', unitId: null } })).phone);
  });
  afterAll(() => t.close());

  const ONE_COMMUNE = {
    teamMembers: 1, residentsRegistered: 1, visits: 1, peopleHelped: 3, ambassadors: 1, mentees: 2, menteesWithRecord: 1, households: 1, digitalHouseholds: 1, verifiedIdentities: 1,
  };

  it('gives a commune administrator their commune’s figures only', async () => {
    const report = (await adminA.get('/api/admin/reporting/community').expect(200)).body as Report;
    expect(report.total).toEqual(ONE_COMMUNE);
    expect(report.children).toEqual([]);
    await adminA.get(`/api/admin/reporting/community?unitId=${b.id}`).expect(404);
  });

  it('gives a province administrator each commune and the sum', async () => {
    const report = (await adminProvince.get('/api/admin/reporting/community').expect(200)).body as Report;
    expect(report.total).toEqual({ ...ONE_COMMUNE, teamMembers: 2, residentsRegistered: 2, visits: 2, peopleHelped: 6, ambassadors: 2, mentees: 4, menteesWithRecord: 2, households: 3, digitalHouseholds: 2, verifiedIdentities: 2 });
    expect(report.children.find((c) => c.unit.id === a.id)!.measures).toEqual(ONE_COMMUNE);
    expect(report.children.find((c) => c.unit.id === b.id)!.measures).toEqual({ ...ONE_COMMUNE, households: 2 });
    expect(report.householdRule.requiredPercent).toBe(100);
    // A filter the measure cannot follow makes it null, not wrong.
    const filtered = (await adminProvince.get('/api/admin/reporting/community?targetGroup=citizen').expect(200)).body as Report;
    expect(filtered.total.visits).toBeNull();
    expect(filtered.total.households).toBeNull();
    expect(filtered.total.ambassadors).toBe(2);
  });

  it('lists the people of a community cohort in the administrator’s scope', async () => {
    const list = async (c: TestClient, community: string) => ((await c.get(`/api/admin/reporting/people?community=${community}`).expect(200)).body as { total: number }).total;
    expect(await list(adminA, 'mentees')).toBe(2);
    expect(await list(adminProvince, 'mentees')).toBe(4);
    expect(await list(adminA, 'team_residents')).toBe(1);
    expect(await list(adminA, 'verified_identity')).toBe(1);
    expect((await adminA.get('/api/admin/reporting/people?community=everyone').expect(400)).body.details[0].field).toBe('community');
  });

  /** Requests an export and returns its file once the job has built it. */
  async function exported(c: TestClient, body: object): Promise<Buffer> {
    const { id } = (await c.post('/api/admin/reporting/exports', body).expect(202)).body as { id: string };
    await until('the export', async () => ((await c.get(`/api/admin/reporting/exports/${id}`).expect(200)).body as { status: string }).status === 'done');
    const res = await c.get(`/api/admin/reporting/exports/${id}/file`).buffer(true).parse((r, cb) => {
      const parts: Buffer[] = [];
      r.on('data', (d: Buffer) => parts.push(d));
      r.on('end', () => cb(null, Buffer.concat(parts)));
    }).expect(200);
    return res.body as Buffer;
  }

  it('exports the community figures of the dashboard with the numbers of the screen, under Vietnamese headers', async () => {
    const report = (await adminProvince.get('/api/admin/reporting/community').expect(200)).body as Report & { children: { unit: { id: string; name: string } }[] };
    const book = sheets(await exported(adminProvince, { source: 'cohort', format: 'xlsx', query: {} }));
    const summary = book.get('Cộng đồng số')!;
    const figure = (rows: string[][], label: string) => Number(rows.find((r) => r[0] === label)![1]);
    expect(figure(summary, 'Đại sứ số')).toBe(report.total.ambassadors);
    expect(figure(summary, 'Gia đình số')).toBe(report.total.digitalHouseholds);
    expect(figure(summary, 'Lần thăm hộ gia đình')).toBe(report.total.visits);
    expect(figure(summary, 'Người đã xác thực định danh điện tử')).toBe(report.total.verifiedIdentities);
    const [header, ...rows] = book.get('Cộng đồng số theo đơn vị')!;
    const col = header!.indexOf('Gia đình');
    const rowOf = (u: AdminUnit) => rows.find((r) => r[0] === u.name)!;
    expect(Number(rowOf(b)[col])).toBe(report.children.find((c) => c.unit.id === b.id)!.measures.households);
    expect(Number(rowOf(a)[header!.indexOf('Thành viên Tổ công nghệ số')])).toBe(1);
  });

  it('exports the person list of a community cohort, in scope only', async () => {
    const names = (xlsx: Buffer) => sheets(xlsx).get('Người học')!.slice(1).map((r) => r[0]);
    expect(names(await exported(adminProvince, { source: 'people', format: 'xlsx', query: { community: 'mentees' } }))).toHaveLength(4);
    expect(names(await exported(adminA, { source: 'people', format: 'xlsx', query: { community: 'team_residents' } }))).toEqual(['Nguyễn Thị Lan']);
    // Another province's administrator finds none of Hà Nội's people, and cannot drill into Hà Nội.
    expect(names(await exported(otherProvince, { source: 'people', format: 'xlsx', query: { community: 'mentees' } }))).toEqual([]);
    expect(((await otherProvince.get('/api/admin/reporting/people?community=mentees').expect(200)).body as { total: number }).total).toBe(0);
    await otherProvince.get(`/api/admin/reporting/people?community=mentees&unitId=${a.id}`).expect(404);
    await otherProvince.post('/api/admin/reporting/exports', { source: 'people', format: 'xlsx', query: { community: 'mentees', unitId: a.id } }).expect(404);
    // The community cohort narrows only the person list.
    const refused = (await adminA.post('/api/admin/reporting/exports', { source: 'cohort', format: 'xlsx', query: { community: 'mentees' } }).expect(400)).body as { details: { field: string }[] };
    expect(refused.details[0]!.field).toBe('query.community');
  });

  it('freezes the community figures with the periodic report: later rows change the dashboard, not the report or its export', async () => {
    const month = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);
    type Overview = { report: { id: string; figures: { community: { total: Measures; children: { unit: { id: string }; measures: Measures }[] } } } | null };
    const overview = async (c: TestClient) => (await c.get(`/api/admin/reporting/periodic?kind=monthly&period=${month}`).expect(200)).body as Overview;
    await nation.post('/api/admin/reporting/periodic/freeze', { kind: 'monthly', period: month }).expect(202);
    await until('the freeze', async () => (await overview(nation)).report);
    const communeReport = (await overview(adminA)).report!;
    expect(communeReport.figures.community.total).toEqual(ONE_COMMUNE);
    const provinceReport = (await overview(adminProvince)).report!;
    expect(provinceReport.figures.community.children.find((c) => c.unit.id === b.id)!.measures).toEqual({ ...ONE_COMMUNE, households: 2 });

    // A new ambassador and a new verified identity in commune A, after the freeze.
    const late = await createUser(t, { commune: a });
    await giveRecord(t, late.id);
    await (await loginAs(t, late.phone)).put('/api/me/ambassador').expect(200);
    await t.dataSource.query(`UPDATE users SET identity_verified_at = now(), identity_provider = 'vneid' WHERE id = $1`, [late.id]);
    expect(((await adminA.get('/api/admin/reporting/community').expect(200)).body as Report).total).toMatchObject({ ambassadors: 2, verifiedIdentities: 2 });
    expect((await overview(adminA)).report!.figures.community.total).toEqual(ONE_COMMUNE);

    const summary = sheets(await exported(adminA, { source: 'periodic', format: 'xlsx', reportId: communeReport.id })).get('Cộng đồng số')!;
    expect(summary.find((r) => r[0] === 'Đại sứ số')![1]).toBe('1');
    expect(summary.find((r) => r[0] === 'Người đã xác thực định danh điện tử')![1]).toBe('1');
  });
});
