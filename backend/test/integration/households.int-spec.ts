import type { AdminUnit } from '../../src/modules/units/entities/admin-unit.entity';
import { createUser, giveRecord, loginAs, nextPhone, unitsOf } from '../support/factories';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

type Member = { userId: string; fullName: string; adult: boolean; isOwner: boolean; holdsRecord: boolean; coursesEnrolled: number };
type Household = {
  id: string; name: string; isOwner: boolean; inviteCode: string; members: Member[]; pendingInvitations: { id: string; loginHint: string }[];
  digital: { isDigital: boolean; adults: number; holders: number; rule: { year: number; adultAge: number; requiredPercent: number } };
};
type Mine = { household: Household | null; invitations: { id: string; householdName: string; inviterName: string }[] };

const YEAR = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();

/**
 * Digital households: nobody is put in one by someone else; members see only those who accepted;
 * the owner invites (the answer never tells whether a login has an account), removes and hands on;
 * a household is digital when enough of its adults hold a record, under the year's rule.
 */
describe('digital households', () => {
  let t: TestApp;
  let commune: AdminUnit;

  const person = async (fullName: string, birthYear = 1970) => {
    const user = await createUser(t, { commune, fullName, birthYear });
    return { user, client: await loginAs(t, user.phone) };
  };
  const mine = async (c: TestClient) => (await c.get('/api/me/household').expect(200)).body as Mine;
  const names = (h: Household | null) => h?.members.map((m) => m.fullName).sort();

  beforeAll(async () => {
    t = await startTestApp();
    commune = (await unitsOf(t.dataSource, '01')).communes[0]!;
  });
  afterAll(() => t.close());

  it('shows a member’s progress only after they accept, and the invitee nothing before', async () => {
    const owner = await person('Bà Lan');
    const son = await person('Anh Hùng');
    const stranger = await person('Người Lạ');
    expect(await mine(owner.client)).toEqual({ household: null, invitations: [] });
    const created = ((await owner.client.post('/api/households', { name: 'Gia đình bà Lan' }).expect(201)).body as Mine).household!;
    expect(created).toMatchObject({ name: 'Gia đình bà Lan', isOwner: true });
    expect((await owner.client.post('/api/households', { name: 'Lần hai' }).expect(409)).body.code).toBe('ALREADY_IN_HOUSEHOLD');

    // An invitation answers the same for a login with an account and one without.
    const invited = (await owner.client.post(`/api/households/${created.id}/invitations`, { login: son.user.phone }).expect(202)).body;
    const unknown = (await owner.client.post(`/api/households/${created.id}/invitations`, { login: nextPhone() }).expect(202)).body;
    expect(Object.keys(invited)).toEqual(Object.keys(unknown));
    expect((await owner.client.post(`/api/households/${created.id}/invitations`, { login: 'khong-phai' }).expect(400)).body.details[0].field).toBe('login');

    // Before accepting: the son sees the invitation (and a notification), not the household; the household does not show him.
    const sonView = await mine(son.client);
    expect(sonView.household).toBeNull();
    expect(sonView.invitations).toEqual([expect.objectContaining({ householdName: 'Gia đình bà Lan', inviterName: 'Bà Lan' })]);
    const notes = (await son.client.get('/api/me/notifications').expect(200)).body as { items: { kind: string; link: string }[] };
    expect(notes.items).toEqual([expect.objectContaining({ kind: 'household_invitation', link: '/gia-dinh-so' })]);
    expect(names((await mine(owner.client)).household)).toEqual(['Bà Lan']);
    expect((await mine(owner.client)).household!.pendingInvitations).toHaveLength(2);

    // Nobody but the invitee may answer the invitation; a stranger reads no household.
    const invitationId = sonView.invitations[0]!.id;
    await stranger.client.post(`/api/me/household-invitations/${invitationId}/acceptance`, { consent: true }).expect(404);
    await stranger.client.post(`/api/households/${created.id}/invitations`, { login: stranger.user.phone }).expect(404);
    expect((await son.client.post(`/api/me/household-invitations/${invitationId}/acceptance`, {}).expect(400)).body.details[0].field).toBe('consent');
    const accepted = ((await son.client.post(`/api/me/household-invitations/${invitationId}/acceptance`, { consent: true }).expect(201)).body as Mine).household!;
    expect(names(accepted)).toEqual(['Anh Hùng', 'Bà Lan']);
    expect(accepted.isOwner).toBe(false);
    expect(accepted.pendingInvitations).toEqual([]); // the owner's business only
    expect(names((await mine(owner.client)).household)).toEqual(['Anh Hùng', 'Bà Lan']);
    expect((await son.client.post(`/api/households/${created.id}/code`).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await mine(stranger.client)).household).toBeNull();
  });

  it('joins with the code and consent; leaving or being removed hides the person at once; a removed member needs a new invitation', async () => {
    const owner = await person('Ông Ba');
    const household = ((await owner.client.post('/api/households', { name: 'Nhà ông Ba' }).expect(201)).body as Mine).household!;
    const daughter = await person('Chị Tư');
    const nephew = await person('Cháu Năm');
    expect((await daughter.client.get(`/api/household-invitations/${household.inviteCode}`).expect(200)).body).toEqual({ householdName: 'Nhà ông Ba', ownerName: 'Ông Ba', members: 1 });
    expect((await daughter.client.put('/api/me/household', { code: household.inviteCode }).expect(400)).body.details[0].field).toBe('consent');
    await daughter.client.put('/api/me/household', { code: household.inviteCode, consent: true }).expect(200);
    await nephew.client.put('/api/me/household', { code: household.inviteCode, consent: true }).expect(200);
    expect(names((await mine(owner.client)).household)).toEqual(['Cháu Năm', 'Chị Tư', 'Ông Ba']);

    await daughter.client.delete('/api/me/household').expect(204);
    expect(names((await mine(nephew.client)).household)).toEqual(['Cháu Năm', 'Ông Ba']);
    await nephew.client.delete(`/api/households/${household.id}/members/${owner.user.id}`).expect(403);
    await owner.client.delete(`/api/households/${household.id}/members/${nephew.user.id}`).expect(204);
    expect((await mine(nephew.client)).household).toBeNull();
    expect(names((await mine(owner.client)).household)).toEqual(['Ông Ba']);
    expect((await nephew.client.put('/api/me/household', { code: household.inviteCode, consent: true }).expect(403)).body.code).toBe('REMOVED_FROM_HOUSEHOLD');

    // A new code: the old one stops working.
    await owner.client.post(`/api/households/${household.id}/code`).expect(204);
    await daughter.client.put('/api/me/household', { code: household.inviteCode, consent: true }).expect(404);
    const fresh = (await mine(owner.client)).household!.inviteCode;
    await daughter.client.put('/api/me/household', { code: fresh, consent: true }).expect(200);

    // The owner leaves: the household passes to the longest-standing member.
    await owner.client.delete('/api/me/household').expect(204);
    const after = (await mine(daughter.client)).household!;
    expect(after).toMatchObject({ isOwner: true, members: [expect.objectContaining({ fullName: 'Chị Tư', isOwner: true })] });
  });

  it('counts a digital household when its adults hold records, under the rule national administrators set per year', async () => {
    const mother = await person('Mẹ', 1975);
    const father = await person('Bố', 1972);
    const child = await person('Con', YEAR - 12);
    const household = ((await mother.client.post('/api/households', { name: 'Nhà số' }).expect(201)).body as Mine).household!;
    for (const m of [father, child]) await m.client.put('/api/me/household', { code: household.inviteCode, consent: true }).expect(200);
    const digital = async () => (await mine(mother.client)).household!.digital;
    expect(await digital()).toMatchObject({ isDigital: false, adults: 2, holders: 0, rule: { adultAge: 18, requiredPercent: 100 } });
    expect((await mine(mother.client)).household!.members.find((m) => m.fullName === 'Con')!.adult).toBe(false);

    await giveRecord(t, mother.user.id);
    expect(await digital()).toMatchObject({ isDigital: false, adults: 2, holders: 1 });

    // Half the adults suffice this year, as the national administrator decides.
    const nation = await loginAs(t, (await createUser(t, { commune, role: 'admin', scope: { level: 'nation', unitId: null } })).phone);
    const communeAdmin = await loginAs(t, (await createUser(t, { commune, role: 'admin', scope: { level: 'commune', unitId: commune.id } })).phone);
    expect((await communeAdmin.put(`/api/admin/household-rules/${YEAR}`, { adultAge: 18, requiredPercent: 50 }).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await nation.put(`/api/admin/household-rules/${YEAR}`, { adultAge: 18, requiredPercent: 0 }).expect(400)).body.details[0].field).toBe('requiredPercent');
    expect((await nation.put(`/api/admin/household-rules/${YEAR}`, { adultAge: 18, requiredPercent: 50 }).expect(200)).body).toEqual({ year: YEAR, adultAge: 18, requiredPercent: 50, setForYear: YEAR });
    expect((await communeAdmin.get(`/api/admin/household-rules/${YEAR + 1}`).expect(200)).body).toMatchObject({ requiredPercent: 50, setForYear: YEAR });
    expect(await digital()).toMatchObject({ isDigital: true, adults: 2, holders: 1 });

    // Back to every adult: the father's record makes it digital again.
    await nation.put(`/api/admin/household-rules/${YEAR}`, { adultAge: 18, requiredPercent: 100 }).expect(200);
    expect((await digital()).isDigital).toBe(false);
    await giveRecord(t, father.user.id);
    expect(await digital()).toMatchObject({ isDigital: true, adults: 2, holders: 2 });
  });

  it('sends no invitation notification to a person who stopped them, which they still see and may decline', async () => {
    const owner = await person('Chủ Nhà');
    const quiet = await person('Người Tắt Thông Báo');
    await quiet.client.put('/api/me/notification-settings', { settings: [{ kind: 'household_invitation', inApp: false, email: false }] }).expect(200);
    const household = ((await owner.client.post('/api/households', { name: 'Nhà yên tĩnh' }).expect(201)).body as Mine).household!;
    await owner.client.post(`/api/households/${household.id}/invitations`, { login: quiet.user.phone }).expect(202);
    expect(((await quiet.client.get('/api/me/notifications').expect(200)).body as { total: number }).total).toBe(0);
    const [invitation] = (await mine(quiet.client)).invitations;
    await quiet.client.delete(`/api/me/household-invitations/${invitation!.id}`).expect(204);
    expect((await mine(quiet.client)).invitations).toEqual([]);
  });
});
