import { setTimeout as sleep } from 'node:timers/promises';
import { CONSENT } from '../../src/modules/auth/consent';
import type { AdminUnit } from '../../src/modules/units/entities/admin-unit.entity';
import { createUser, giveRecord, loginAs, unitsOf } from '../support/factories';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

/**
 * Ways in and ways out: a provider is unlinked only while another way to sign in remains; a resident
 * with only a sign-in card exports and deletes their own account from their own phone, never from the
 * team member's phone during an assisted session.
 */
describe('accounts without a password', () => {
  let t: TestApp;
  let commune: AdminUnit;
  let member: TestClient;

  beforeAll(async () => {
    t = await startTestApp({ OIDC_PROVIDERS: JSON.stringify([{ id: 'vneid', issuer: 'https://vneid.example.vn', clientId: 'bdhvs' }]) });
    commune = (await unitsOf(t.dataSource, '01')).communes[0]!;
    const admin = await loginAs(t, (await createUser(t, { commune, role: 'admin', scope: { level: 'commune', unitId: commune.id } })).phone);
    const m = await createUser(t, { commune });
    await admin.put(`/api/admin/community-team/${m.id}`).expect(204);
    member = await loginAs(t, m.phone);
  });
  afterAll(() => t.close());

  const link = (userId: string, provider = 'vneid') =>
    t.dataSource.query(`INSERT INTO identity_links (user_id, provider, subject) VALUES ($1, $2, $3)`, [userId, provider, `sub-${userId}`]);
  const register = async (fullName: string) =>
    (await member.post('/api/community/residents', {
      fullName, birthYear: 1950, targetGroup: 'citizen', consent: true, consentVersion: CONSENT.version, consentMethod: 'spoken',
    }).expect(201)).body as { resident: { id: string }; card: { code: string } };

  it('unlinks a provider only while another way to sign in remains', async () => {
    const withPassword = await createUser(t, { commune });
    await link(withPassword.id);
    const client = await loginAs(t, withPassword.phone);
    await client.delete('/api/me/identity-links/vneid').expect(204);
    expect((await client.get('/api/me/identity-links').expect(200)).body).toEqual([]);
    await client.delete('/api/me/identity-links/vneid').expect(404);

    // Only the provider: unlinking would lock the person out.
    const onlyProvider = await createUser(t, { commune });
    await link(onlyProvider.id);
    const client2 = await loginAs(t, onlyProvider.phone);
    await t.dataSource.query('UPDATE users SET password_hash = NULL WHERE id = $1', [onlyProvider.id]);
    expect((await client2.delete('/api/me/identity-links/vneid').expect(409)).body.code).toBe('LAST_SIGN_IN_METHOD');
    expect((await client2.get('/api/me/identity-links').expect(200)).body).toHaveLength(1);

    // A sign-in card is another way in.
    const { resident } = await register('Bà Có Thẻ');
    await link(resident.id);
    const card = (await member.post(`/api/community/residents/${resident.id}/card`).expect(201)).body as { code: string };
    const own = await t.client();
    await own.post('/api/auth/card', { code: card.code }).expect(200);
    await own.delete('/api/me/identity-links/vneid').expect(204);
  });

  it('lets a card-only resident export and delete their own account from their own phone, never during an assisted session', async () => {
    const { resident, card } = await register('Ông Chỉ Có Thẻ');
    await giveRecord(t, resident.id);

    // On the member's phone, in an assisted session: no export, no deletion.
    const memberPhone = member;
    await memberPhone.post('/api/community/assisted-sessions', { residentId: resident.id }).expect(201);
    expect((await memberPhone.post('/api/me/exports').expect(403)).body.code).toBe('ASSISTED_SESSION');
    expect((await memberPhone.delete('/api/me', { confirm: true }).expect(403)).body.code).toBe('ASSISTED_SESSION');
    await memberPhone.post('/api/community/assisted-sessions/end').expect(204);

    // On their own phone, with the card.
    const own = await t.client();
    await own.post('/api/auth/card', { code: card.code }).expect(200);
    expect(((await own.get('/api/me').expect(200)).body as { hasPassword: boolean }).hasPassword).toBe(false);
    const exported = (await own.post('/api/me/exports').expect(202)).body as { id: string };
    let status = '';
    for (let i = 0; i < 50 && status !== 'done'; i++) {
      status = ((await own.get(`/api/me/exports/${exported.id}`).expect(200)).body as { status: string }).status;
      if (status !== 'done') await sleep(100);
    }
    const document = JSON.parse((await own.get(`/api/me/exports/${exported.id}/download`).expect(200)).text) as Record<string, unknown>;
    expect(document).toMatchObject({ profile: { fullName: 'Ông Chỉ Có Thẻ' }, notifications: [], households: [], mentorships: [] });

    expect((await own.delete('/api/me', {}).expect(400)).body.details[0].field).toBe('confirm');
    await own.delete('/api/me', { confirm: true }).expect(204);
    const [row] = (await t.dataSource.query('SELECT status, full_name FROM users WHERE id = $1', [resident.id])) as { status: string; full_name: string | null }[];
    expect(row).toEqual({ status: 'deleted', full_name: null });
    await (await t.client()).post('/api/auth/card', { code: card.code }).expect(400);
  });

  it('still asks for the password of an account that has one', async () => {
    const user = await createUser(t, { commune });
    const client = await loginAs(t, user.phone);
    expect((await client.delete('/api/me', { confirm: true }).expect(400)).body.code).toBe('WRONG_PASSWORD');
  });

  it('takes a deleted person out of their household (handing it on) and their ambassador’s list, and their name out of others’ notifications', async () => {
    const owner = await createUser(t, { commune, fullName: 'Người Sẽ Xóa' });
    const other = await createUser(t, { commune });
    await giveRecord(t, owner.id);
    const asOwner = await loginAs(t, owner.phone);
    const asOther = await loginAs(t, other.phone);
    const code = ((await asOwner.put('/api/me/ambassador').expect(200)).body as { ambassador: { inviteCode: string } }).ambassador.inviteCode;
    await asOther.put('/api/me/mentorship', { code, consent: true }).expect(200);
    await asOwner.post(`/api/me/ambassador/mentees/${other.id}/reminders`).expect(200);
    const { household } = (await asOwner.post('/api/households', { name: 'Nhà sẽ đổi chủ' }).expect(201)).body as { household: { inviteCode: string } };
    await asOther.put('/api/me/household', { code: household.inviteCode, consent: true }).expect(200);

    await asOwner.delete('/api/me', { password: 'Mat-khau-rat-manh-2026' }).expect(204);
    const mine = (await asOther.get('/api/me/household').expect(200)).body as { household: { isOwner: boolean; members: unknown[] } };
    expect(mine.household).toMatchObject({ isOwner: true, members: [expect.anything()] });
    expect(((await asOther.get('/api/me/mentorship').expect(200)).body as { ambassadorName: string | null }).ambassadorName).toBeNull();
    const notes = (await asOther.get('/api/me/notifications').expect(200)).body as { items: { params: Record<string, unknown> }[] };
    expect(JSON.stringify(notes.items)).not.toContain('Người Sẽ Xóa');
  });
});
