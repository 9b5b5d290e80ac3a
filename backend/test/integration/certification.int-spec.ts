import { setTimeout as sleep } from 'node:timers/promises';
import { createUser, loginAs, PASSWORD, unitsOf } from '../support/factories';
import { correctAnswers } from '../support/quiz-answers';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

const REQUIRED_COURSE = 'nhan-biet-lua-dao-truc-tuyen';
type Attempt = {
  id: string; status: string; competencies: { code: string }[];
  questions: { id: string; competency: string }[];
  result: { overall: { score: number; levelName: string }; competencies: { code: string; met: boolean; level: number }[]; learningPath: { competency: string; courses: { slug: string }[] }[] } | null;
};
type Status = { shortfalls: { code: string }[]; record: { id: string; code: string; status: string; pdfStatus: string } | null };

describe('self-assessment and completion records', () => {
  let t: TestApp;
  let nationAdmin: TestClient;

  beforeAll(async () => {
    t = await startTestApp();
    const { communes } = await unitsOf(t.dataSource, '01');
    const admin = await createUser(t, { commune: communes[0]!, role: 'admin', scope: { level: 'nation', unitId: null } });
    nationAdmin = await loginAs(t, admin.phone);
    await nationAdmin.put('/api/admin/certification-policies/citizen', {
      requiredCourses: [REQUIRED_COURSE], minOverallScore: 60, minDomainScore: 40, requireProfileLevels: false,
      questionsPerCompetency: 2, selfRatingWeight: 30, maxAttempts: null, cooldownHours: 0, timeLimitMinutes: null,
    }).expect(200);
  });
  afterAll(() => t.close());

  async function learner(provinceCode = '01', fullName = 'Nguyễn Thị Ánh Tuyết') {
    const { communes } = await unitsOf(t.dataSource, provinceCode);
    const user = await createUser(t, { commune: communes[1]!, fullName });
    return { user, c: await loginAs(t, user.phone) };
  }
  const completeCourse = (userId: string, slug: string) =>
    t.dataSource.query(
      `INSERT INTO enrolments (user_id, course_id, status, completed_at) SELECT $1, id, 'completed', now() FROM courses WHERE slug = $2`,
      [userId, slug],
    );
  const start = async (c: TestClient) => (await c.post('/api/self-assessment/attempts').expect(201)).body as Attempt;
  const ratingsOf = (a: Attempt, rating: number) => Object.fromEntries(a.competencies.map((x) => [x.code, rating]));
  const records = (userId: string) => t.dataSource.query('SELECT * FROM completion_records WHERE user_id = $1', [userId]) as Promise<{ id: string; code: string; revoked_at: Date | null }[]>;

  /** The record is issued by a job a moment after the submission. */
  async function waitForRecord(c: TestClient, ready = (s: Status) => s.record !== null): Promise<Status> {
    for (let i = 0; i < 100; i++) {
      const status = (await c.get('/api/certification').expect(200)).body as Status;
      if (ready(status)) return status;
      await sleep(100);
    }
    throw new Error('no record in time');
  }

  async function passingLearner() {
    const l = await learner();
    await completeCourse(l.user.id, REQUIRED_COURSE);
    const attempt = await start(l.c);
    const answers = await correctAnswers(t.dataSource, attempt.id, 'assessment_attempts');
    return { ...l, attempt, answers };
  }

  it('rates the group’s profile and draws questions per competency, with no answer key before submission', async () => {
    const { c } = await learner();
    const overview = (await c.get('/api/self-assessment').expect(200)).body as { targetGroupName: string; scale: string[]; competencies: { code: string }[] };
    expect(overview.targetGroupName).toBe('Người dân');
    expect(overview.scale).toEqual(['Chưa biết làm', 'Làm được khi có hỗ trợ', 'Tự làm được', 'Làm thành thạo', 'Hướng dẫn được người khác']);

    const attempt = await start(c);
    expect(attempt.competencies.map((x) => x.code)).toEqual(overview.competencies.map((x) => x.code));
    for (const code of overview.competencies.map((x) => x.code)) {
      expect(attempt.questions.filter((q) => q.competency === code).length).toBeLessThanOrEqual(2);
    }
    expect(attempt.questions.length).toBeGreaterThanOrEqual(overview.competencies.length);
    const again = (await c.get(`/api/self-assessment/attempts/${attempt.id}`).expect(200)).body as Attempt;
    const reopened = (await c.post('/api/self-assessment/attempts').expect(200)).body as Attempt;
    for (const payload of [attempt, again, reopened]) {
      const text = JSON.stringify(payload);
      for (const leak of ['"correct"', '"accepted"', '"feedback"', '"explanation"', '"weight"', '"pairs"']) expect(text).not.toContain(leak);
      expect(payload.questions.map((q) => q.id)).toEqual(attempt.questions.map((q) => q.id));
      expect(payload.result).toBeNull();
    }
  });

  it('refuses a submission that leaves a competency unrated, naming it', async () => {
    const { c } = await learner();
    const attempt = await start(c);
    const [first, ...rest] = attempt.competencies;
    const res = await c.post(`/api/self-assessment/attempts/${attempt.id}/submission`, { ratings: Object.fromEntries(rest.map((x) => [x.code, 2])), answers: {} }).expect(400);
    expect(res.body.details).toContainEqual({ field: `ratings.${first!.code}`, message: 'must be rated before submitting' });
    const bad = await c.post(`/api/self-assessment/attempts/${attempt.id}/submission`, { ratings: { ...ratingsOf(attempt, 2), [first!.code]: 7 } }).expect(400);
    expect(bad.body.details).toContainEqual({ field: `ratings.${first!.code}`, message: 'must be a whole number from 0 to 4' });
    await c.put(`/api/self-assessment/attempts/${attempt.id}/answers`, { ratings: { [first!.code]: 3 } }).expect(204);
    expect(((await c.get(`/api/self-assessment/attempts/${attempt.id}`).expect(200)).body as { ratings: Record<string, number> }).ratings).toEqual({ [first!.code]: 3 });
  });

  it('issues one record to a learner who meets the policy, with a PDF and a signed credential', async () => {
    const { c, user, attempt, answers } = await passingLearner();
    const graded = (await c.post(`/api/self-assessment/attempts/${attempt.id}/submission`, { ratings: ratingsOf(attempt, 3), answers }).set('Idempotency-Key', `sa-${attempt.id}`).expect(200)).body as Attempt;
    expect(graded.status).toBe('submitted');
    expect(graded.result!.overall.score).toBeGreaterThanOrEqual(60);

    const status = await waitForRecord(c, (s) => s.record?.pdfStatus === 'ready');
    expect(status.shortfalls).toEqual([]);
    expect(status.record!.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(await records(user.id)).toHaveLength(1);

    const pdf = await c.get(`/api/me/records/${status.record!.id}/certificate.pdf`).buffer(true).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');

    // A resend, a claim and a second look change nothing.
    await c.post(`/api/self-assessment/attempts/${attempt.id}/submission`, { ratings: ratingsOf(attempt, 3), answers }).expect(200);
    const claimed = (await c.post('/api/certification/claim').expect(200)).body as Status;
    expect(claimed.record!.code).toBe(status.record!.code);
    expect(await records(user.id)).toHaveLength(1);
    const audit = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE type = 'certification.record_issued' AND subject_id = $1`, [user.id]);
    expect(audit[0].n).toBe(1);
  });

  it('gives a learner who does not meet the policy no record, and says what is missing', async () => {
    const { c, user } = await learner();
    const attempt = await start(c);
    const graded = (await c.post(`/api/self-assessment/attempts/${attempt.id}/submission`, { ratings: ratingsOf(attempt, 0), answers: {} }).expect(200)).body as Attempt;
    expect(graded.result!.competencies.every((x) => !x.met)).toBe(true);
    // Every weak competency comes with courses that build it.
    expect(graded.result!.learningPath.length).toBe(graded.result!.competencies.length);
    expect(graded.result!.learningPath.every((step) => step.courses.length > 0)).toBe(true);

    const status = (await c.post('/api/certification/claim').expect(200)).body as Status;
    expect(status.record).toBeNull();
    expect(status.shortfalls.map((s) => s.code)).toEqual(expect.arrayContaining(['OVERALL_BELOW', 'DOMAIN_BELOW', 'COURSES_MISSING']));
    expect(status.shortfalls).toContainEqual({ code: 'COURSES_MISSING', courses: [{ slug: REQUIRED_COURSE, title: 'Nhận biết và phòng tránh lừa đảo trực tuyến' }] });
    await sleep(500); // the submission's job has run by now, and issued nothing
    expect(await records(user.id)).toHaveLength(0);
  });

  it('issues exactly one record under forty concurrent submissions and forty concurrent claims', async () => {
    const { c, user, attempt, answers } = await passingLearner();
    const body = { ratings: ratingsOf(attempt, 4), answers };
    const submissions = await Promise.all(Array.from({ length: 40 }, () => c.post(`/api/self-assessment/attempts/${attempt.id}/submission`, body)));
    expect(submissions.map((r) => r.status)).toEqual(Array(40).fill(200));
    expect(new Set(submissions.map((r) => (r.body as Attempt).result!.overall.score)).size).toBe(1);
    const claims = await Promise.all(Array.from({ length: 40 }, () => c.post('/api/certification/claim')));
    expect(claims.map((r) => r.status)).toEqual(Array(40).fill(200));
    expect(new Set(claims.map((r) => (r.body as Status).record?.code)).size).toBe(1);
    await waitForRecord(c);
    expect(await records(user.id)).toHaveLength(1);
    const submitted = await t.dataSource.query(`SELECT count(*)::int AS n FROM assessment_attempts WHERE user_id = $1 AND status = 'submitted'`, [user.id]);
    expect(submitted[0].n).toBe(1);
  });

  it('verifies a code publicly with the name masked; a tampered or unknown code is not found; a revoked one shows as revoked', async () => {
    const { c, attempt, answers, user } = await passingLearner();
    await c.post(`/api/self-assessment/attempts/${attempt.id}/submission`, { ratings: ratingsOf(attempt, 3), answers }).expect(200);
    const { record } = await waitForRecord(c);
    const anyone = await t.client();

    const seen = (await anyone.get(`/api/verify/${record!.code.toLowerCase().replace(/-/g, ' ')}`).expect(200)).body as Record<string, unknown>;
    expect(seen).toMatchObject({ code: record!.code, status: 'valid', holderName: 'N***** T** Á** Tuyết', targetGroupName: 'Người dân', revokedAt: null });
    expect(JSON.stringify(seen)).not.toContain('Nguyễn');
    expect(JSON.stringify(seen)).not.toContain('1970');

    const plain = record!.code.replace(/-/g, '');
    const tampered = plain.slice(0, 3) + (plain[3] === 'A' ? 'B' : 'A') + plain.slice(4);
    expect((await anyone.get(`/api/verify/${tampered}`).expect(404)).body.code).toBe('NOT_FOUND');
    expect((await anyone.get('/api/verify/khong-phai-ma').expect(404)).body.code).toBe('NOT_FOUND');

    // A commune administrator of the holder's ward revokes it; the record stays, marked revoked.
    const { communes } = await unitsOf(t.dataSource, '01');
    const communeAdmin = await createUser(t, { commune: communes[1]!, role: 'admin', scope: { level: 'commune', unitId: user.unitId } });
    const admin = await loginAs(t, communeAdmin.phone);
    await admin.post(`/api/admin/records/${record!.id}/revocation`, { reason: 'Sai' }).expect(400);
    const revoked = (await admin.post(`/api/admin/records/${record!.id}/revocation`, { reason: 'Cấp nhầm người, đã xác minh lại' }).expect(200)).body as { status: string };
    expect(revoked.status).toBe('revoked');
    const after = (await anyone.get(`/api/verify/${record!.code}`).expect(200)).body as { status: string; revokedAt: string | null };
    expect(after.status).toBe('revoked');
    expect(after.revokedAt).not.toBeNull();
    expect((await c.get(`/api/me/records/${record!.id}/certificate.pdf`).expect(410)).body.code).toBe('RECORD_REVOKED');
    const credential = ((await c.get(`/api/me/records/${record!.id}/credential`).expect(200)).body as { jwt: string }).jwt;
    expect((await anyone.post('/api/verify/credential', { credential }).expect(200)).body).toMatchObject({ valid: false, reason: 'REVOKED' });
  });

  it('checks presented credentials: a changed payload or signature fails', async () => {
    const { c, attempt, answers } = await passingLearner();
    await c.post(`/api/self-assessment/attempts/${attempt.id}/submission`, { ratings: ratingsOf(attempt, 3), answers }).expect(200);
    const { record } = await waitForRecord(c);
    const { jwt } = (await c.get(`/api/me/records/${record!.id}/credential`).expect(200)).body as { jwt: string };
    const anyone = await t.client();
    expect((await anyone.post('/api/verify/credential', { credential: jwt }).expect(200)).body).toMatchObject({ valid: true, reason: 'OK', record: { code: record!.code } });

    const [header, payload, signature] = jwt.split('.') as [string, string, string];
    const forged = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { credentialSubject: { identifier: { identityHash: string }[] } };
    forged.credentialSubject.identifier[0]!.identityHash = 'Trần Văn Giả';
    const changedPayload = `${header}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`;
    const changedSignature = `${header}.${payload}.${signature.slice(0, -4)}${signature.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    for (const credential of [changedPayload, changedSignature]) {
      expect((await anyone.post('/api/verify/credential', { credential }).expect(200)).body).toMatchObject({ valid: false, reason: 'SIGNATURE_INVALID' });
    }
    expect((await anyone.post('/api/verify/credential', { credential: 'not a jwt' }).expect(400)).body.details[0].field).toBe('credential');
  });

  it('lets administrators act only within their scope, and audits revocation and reissue', async () => {
    const { c, attempt, answers, user } = await passingLearner();
    await c.post(`/api/self-assessment/attempts/${attempt.id}/submission`, { ratings: ratingsOf(attempt, 3), answers }).expect(200);
    const { record } = await waitForRecord(c);

    const { communes: hue } = await unitsOf(t.dataSource, '04');
    const outsider = await loginAs(t, (await createUser(t, { commune: hue[0]!, role: 'admin', scope: { level: 'province', unitId: hue[0]!.parentId } })).phone);
    await outsider.post(`/api/admin/records/${record!.id}/revocation`, { reason: 'Không thuộc phạm vi' }).expect(404);
    expect(((await outsider.get('/api/admin/records').expect(200)).body as { items: { id: string }[] }).items.map((r) => r.id)).not.toContain(record!.id);

    const { communes: hanoi } = await unitsOf(t.dataSource, '01');
    const province = await loginAs(t, (await createUser(t, { commune: hanoi[0]!, role: 'admin', scope: { level: 'province', unitId: user.provinceId } })).phone);
    const fresh = (await province.post(`/api/admin/records/${record!.id}/reissue`, { reason: 'Sửa họ tên theo căn cước' }).expect(200)).body as { id: string; code: string; status: string; reissueOfId: string };
    expect(fresh).toMatchObject({ status: 'valid', reissueOfId: record!.id });
    expect(fresh.code).not.toBe(record!.code);
    await province.post(`/api/admin/records/${record!.id}/reissue`, { reason: 'Lần thứ hai' }).expect(409);
    expect((await (await t.client()).get(`/api/verify/${record!.code}`).expect(200)).body.status).toBe('revoked');
    const rows = await records(user.id);
    expect(rows.filter((r) => r.revoked_at === null).map((r) => r.code)).toEqual([fresh.code]);
    const audit: { type: string }[] = await t.dataSource.query(
      `SELECT type FROM audit_events WHERE subject_id = $1 AND type IN ('certification.record_revoked', 'certification.record_reissued') ORDER BY occurred_at`, [user.id]);
    expect(audit.map((a) => a.type)).toEqual(['certification.record_revoked', 'certification.record_reissued']);
    const mine = (await c.get('/api/me/records').expect(200)).body as { code: string; status: string }[];
    expect(mine.map((r) => [r.code, r.status])).toEqual([[fresh.code, 'valid'], [record!.code, 'revoked']]);
  });

  it('lets only a national administrator set a policy, and names every wrong field', async () => {
    const { communes } = await unitsOf(t.dataSource, '01');
    const province = await loginAs(t, (await createUser(t, { commune: communes[0]!, role: 'admin', scope: { level: 'province', unitId: communes[0]!.parentId } })).phone);
    const settings = { requiredCourses: [], minOverallScore: 50, minDomainScore: 40, requireProfileLevels: false, questionsPerCompetency: 2, selfRatingWeight: 30, maxAttempts: 3, cooldownHours: 24, timeLimitMinutes: 30 };
    await province.put('/api/admin/certification-policies/worker', settings).expect(403);
    const bad = await nationAdmin.put('/api/admin/certification-policies/worker', { ...settings, minOverallScore: 150, maxAttempts: 0 }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['minOverallScore', 'maxAttempts']));
    const unknown = await nationAdmin.put('/api/admin/certification-policies/worker', { ...settings, requiredCourses: ['khong-co-khoa-nay'] }).expect(400);
    expect(unknown.body.details).toEqual([{ field: 'requiredCourses', message: 'unknown course khong-co-khoa-nay' }]);
    await nationAdmin.put('/api/admin/certification-policies/robots', settings).expect(400);
    await nationAdmin.put('/api/admin/certification-policies/worker', settings).expect(200);
    const list = (await province.get('/api/admin/certification-policies').expect(200)).body as { targetGroup: string; maxAttempts: number | null }[];
    expect(list.find((p) => p.targetGroup === 'worker')).toMatchObject({ maxAttempts: 3 });
    expect(list.map((p) => p.targetGroup).sort()).toEqual(['citizen', 'public_servant', 'student', 'worker']);
  });

  it('enforces the retake rules and the time limit by the server’s clock', async () => {
    await nationAdmin.put('/api/admin/certification-policies/student', {
      requiredCourses: [], minOverallScore: 50, minDomainScore: 0, requireProfileLevels: false, questionsPerCompetency: 1, selfRatingWeight: 50,
      maxAttempts: 2, cooldownHours: 1, timeLimitMinutes: 10,
    }).expect(200);
    const { communes } = await unitsOf(t.dataSource, '01');
    const student = await createUser(t, { commune: communes[2]!, targetGroup: 'student' });
    const c = await loginAs(t, student.phone);
    const first = await start(c);
    // The time ran out long ago (beyond the grace for a slow phone): the result stands but is late.
    await t.dataSource.query(`UPDATE assessment_attempts SET deadline_at = now() - interval '1 minute' WHERE id = $1`, [first.id]);
    const late = (await c.post(`/api/self-assessment/attempts/${first.id}/submission`, { ratings: ratingsOf(first, 4), answers: await correctAnswers(t.dataSource, first.id, 'assessment_attempts') }).expect(200)).body as { late: boolean };
    expect(late.late).toBe(true);
    expect(((await c.post('/api/certification/claim').expect(200)).body as Status).record).toBeNull();

    const cooldown = await c.post('/api/self-assessment/attempts').expect(409);
    expect(cooldown.body.code).toBe('ASSESSMENT_COOLDOWN');
    await t.dataSource.query(`UPDATE assessment_attempts SET submitted_at = submitted_at - interval '2 hours' WHERE user_id = $1`, [student.id]);
    const second = await start(c);
    await c.post(`/api/self-assessment/attempts/${second.id}/submission`, { ratings: ratingsOf(second, 4), answers: await correctAnswers(t.dataSource, second.id, 'assessment_attempts') }).expect(200);
    expect((await waitForRecord(c)).record!.status).toBe('valid');
    await t.dataSource.query(`UPDATE assessment_attempts SET submitted_at = submitted_at - interval '2 hours' WHERE user_id = $1`, [student.id]);
    expect((await c.post('/api/self-assessment/attempts').expect(409)).body.code).toBe('ASSESSMENT_ATTEMPTS_EXHAUSTED');
  });

  it('puts the record in the holder’s data export, and revokes it without the name when the account is deleted', async () => {
    const { c, attempt, answers, user } = await passingLearner();
    await c.post(`/api/self-assessment/attempts/${attempt.id}/submission`, { ratings: ratingsOf(attempt, 3), answers }).expect(200);
    const { record } = await waitForRecord(c, (s) => s.record?.pdfStatus === 'ready');
    const started = (await c.post('/api/me/exports').expect(202)).body as { id: string };
    const exported = await (async () => {
      for (let i = 0; i < 100; i++) {
        const res = await c.get(`/api/me/exports/${started.id}/download`);
        if (res.status === 200) return JSON.parse(res.text) as { learning: { selfAssessments: { status: string }[]; completionRecords: { code: string; holder_name: string }[] } };
        await sleep(100);
      }
      throw new Error('export not ready');
    })();
    expect(exported.learning.selfAssessments.map((a) => a.status)).toEqual(['submitted']);
    expect(exported.learning.completionRecords).toEqual([expect.objectContaining({ code: record!.code, holder_name: 'Nguyễn Thị Ánh Tuyết' })]);

    await c.delete('/api/me', { password: PASSWORD }).expect(204);
    const seen = (await (await t.client()).get(`/api/verify/${record!.code}`).expect(200)).body as { status: string; holderName: string };
    expect(seen).toMatchObject({ status: 'revoked', holderName: '—' });
    const [row] = await t.dataSource.query('SELECT holder_name, credential FROM completion_records WHERE user_id = $1', [user.id]);
    expect(row).toEqual({ holder_name: null, credential: '' });
    expect(await t.dataSource.query('SELECT 1 FROM certificate_files WHERE record_id = $1', [record!.id])).toHaveLength(0);
  });

  it('confirms only the competencies reached', async () => {
    const { c, attempt, answers } = await passingLearner();
    const [weak, ...rest] = attempt.competencies;
    const weakQuestions = new Set(attempt.questions.filter((q) => q.competency === weak!.code).map((q) => q.id));
    const graded = (await c.post(`/api/self-assessment/attempts/${attempt.id}/submission`, {
      ratings: { ...ratingsOf(attempt, 4), [weak!.code]: 0 },
      answers: Object.fromEntries(Object.entries(answers).filter(([id]) => !weakQuestions.has(id))),
    }).expect(200)).body as Attempt;
    expect(graded.result!.competencies.find((x) => x.code === weak!.code)!.level).toBe(0);
    const { record } = await waitForRecord(c);
    const [mine] = (await c.get('/api/me/records').expect(200)).body as { id: string; competencies: { code: string }[] }[];
    expect(mine!.id).toBe(record!.id);
    expect(mine!.competencies.map((x) => x.code)).toEqual(rest.map((x) => x.code));
  });

  it('issues the record by itself when the last required course is finished after the self-assessment', async () => {
    const { c, user } = await learner();
    const attempt = await start(c);
    await c.post(`/api/self-assessment/attempts/${attempt.id}/submission`, { ratings: ratingsOf(attempt, 3), answers: await correctAnswers(t.dataSource, attempt.id, 'assessment_attempts') }).expect(200);
    expect(((await c.post('/api/certification/claim').expect(200)).body as Status).shortfalls.map((s) => s.code)).toEqual(['COURSES_MISSING']);

    const course = `/api/courses/${REQUIRED_COURSE}`;
    await c.post(`${course}/enrolment`).expect(201);
    for (const lesson of ['01-cac-kich-ban-pho-bien', '02-dau-hieu-canh-bao', '03-kiem-chung-truoc-khi-tin', '04-duong-link-va-ung-dung-gia', '05-khi-lo-bi-lua']) {
      await c.put(`${course}/lessons/${lesson}/completion`, {}).expect(200);
    }
    const quiz = (await c.post(`${course}/quizzes/kiem-tra-cuoi-khoa/attempts`).expect(201)).body as { id: string };
    const graded = (await c.post(`/api/quiz-attempts/${quiz.id}/submission`, { answers: await correctAnswers(t.dataSource, quiz.id) }).expect(200)).body as { passed: boolean };
    expect(graded.passed).toBe(true);
    // No claim: the finished course's job issues it.
    for (let i = 0; i < 100 && (await records(user.id)).length === 0; i++) await sleep(100);
    expect(await records(user.id)).toHaveLength(1);
    expect(((await c.get('/api/certification').expect(200)).body as Status).record!.status).toBe('valid');
  });
});
