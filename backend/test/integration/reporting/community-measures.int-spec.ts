import { randomUUID } from 'node:crypto';
import { CONSENT } from '../../../src/modules/auth/consent';
import type { AdminUnit } from '../../../src/modules/units/entities/admin-unit.entity';
import { createUser, giveRecord, loginAs, unitsOf } from '../../support/factories';
import { startTestApp, type TestApp, type TestClient } from '../../support/test-app';

type Measures = Record<string, number | null>;
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
});
