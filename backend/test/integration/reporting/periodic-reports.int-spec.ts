import { setTimeout as sleep } from 'node:timers/promises';
import { EnrolmentsService } from '../../../src/modules/learning/enrolments.service';
import type { AdminUnit } from '../../../src/modules/units/entities/admin-unit.entity';
import { createUser, loginAs, unitsOf } from '../../support/factories';
import { startTestApp, type TestApp, type TestClient } from '../../support/test-app';

type Overview = {
  period: string;
  report: { id: string; figures: { total: { measures: Record<string, number | null> } }; submittedAt: string | null } | null;
  children: { unitId: string; status: string; reportId: string | null }[];
};

describe('periodic reports', () => {
  let t: TestApp;
  let a: AdminUnit;
  let b: AdminUnit;
  let hanoiId: string;
  let nation: TestClient;
  let province: TestClient;
  let communeA: TestClient;
  let communeB: TestClient;
  const thisMonth = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);

  beforeAll(async () => {
    t = await startTestApp();
    const hanoi = await unitsOf(t.dataSource, '01');
    [a, b] = hanoi.communes as [AdminUnit, AdminUnit];
    hanoiId = hanoi.province.id;
    const [course] = (await t.dataSource.query(`SELECT slug FROM courses WHERE archived_at IS NULL ORDER BY slug LIMIT 1`)) as [{ slug: string }];
    for (let i = 0; i < 6; i++) await t.app.get(EnrolmentsService).enrol((await createUser(t, { commune: a })).id, course.slug);
    const home = (await unitsOf(t.dataSource, '04')).communes[0]!;
    const mk = async (level: 'nation' | 'province' | 'commune', unitId: string | null) => loginAs(t, (await createUser(t, { commune: home, role: 'admin', scope: { level, unitId } })).phone);
    nation = await mk('nation', null);
    province = await mk('province', hanoiId);
    communeA = await mk('commune', a.id);
    communeB = await mk('commune', b.id);
  });
  afterAll(() => t.close());

  const overview = async (c: TestClient, q: string) => (await c.get(`/api/admin/reporting/periodic?${q}`).expect(200)).body as Overview;
  async function frozen(kind: string, period: string) {
    await nation.post('/api/admin/reporting/periodic/freeze', { kind, period }).expect(202);
    for (let i = 0; i < 150; i++) {
      if ((await overview(nation, `kind=${kind}&period=${period}`)).report) return;
      await sleep(200);
    }
    throw new Error('the freeze job did not finish');
  }

  it('freezes each unit’s figures; the commune submits; the province sees who submitted and who has not', async () => {
    await province.post('/api/admin/reporting/periodic/freeze', { kind: 'monthly', period: thisMonth }).expect(403);
    await nation.get('/api/admin/reporting/periodic?kind=monthly&period=2026-13').expect(400);
    await frozen('monthly', thisMonth);

    const own = await overview(communeA, `kind=monthly&period=${thisMonth}`);
    expect(own.report!.figures.total.measures).toMatchObject({ registered: 6, enrolled: 6 });
    // The figures are frozen: later learning does not change them, and the database refuses an edit.
    await createUser(t, { commune: a });
    expect((await overview(communeA, `kind=monthly&period=${thisMonth}`)).report!.figures.total.measures.registered).toBe(6);
    await expect(t.dataSource.query(`UPDATE periodic_reports SET figures = '{}' WHERE id = $1`, [own.report!.id])).rejects.toThrow(/frozen/);

    await communeB.post(`/api/admin/reporting/periodic/${own.report!.id}/submission`).expect(404);
    const submitted = (await communeA.post(`/api/admin/reporting/periodic/${own.report!.id}/submission`).expect(200)).body as { submittedAt: string };
    expect(submitted.submittedAt).toBeTruthy();
    await communeA.post(`/api/admin/reporting/periodic/${own.report!.id}/submission`).expect(200);
    const [{ n }] = (await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE type = 'reporting.report_submitted'`)) as [{ n: number }];
    expect(n).toBe(1);

    const above = await overview(province, `kind=monthly&period=${thisMonth}`);
    const status = (id: string) => above.children.find((c) => c.unitId === id)!.status;
    expect(status(a.id)).toBe('submitted');
    expect(['pending', 'late']).toContain(status(b.id));
    expect((await overview(nation, `kind=monthly&period=${thisMonth}`)).children.find((c) => c.unitId === hanoiId)!.status).not.toBe('submitted');
  });

  it('a unit that has not submitted a past period’s report shows as late', async () => {
    await frozen('quarterly', '2025-Q1');
    const above = await overview(province, 'kind=quarterly&period=2025-Q1');
    expect(above.children.find((c) => c.unitId === b.id)!.status).toBe('late');
    expect(above.children.every((c) => c.status === 'late')).toBe(true);
  });
});
