import request from 'supertest';
import openapi from '../../openapi.json';
import { SessionsService } from '../../src/modules/auth/sessions.service';
import type { User } from '../../src/modules/users/entities/user.entity';
import { createUser, unitsOf } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Every operation of backend/openapi.json × every kind of caller, with the answer written down once.
 * A cell is one letter per caller, in the order of ACTORS:
 *   A  allowed: the request got past authorization (2xx, or a 4xx about the request or the learner's own
 *      progress: 400, 409, 423, 403 NOT_ENROLLED or QUIZ_LOCKED)
 *   U  401, no session;  F  403 FORBIDDEN, role or rank refused;  H  404, outside the caller's reach (or absent for everyone)
 * Target-dependent operations have one row per target (`… @target`). A route without a row fails.
 */
const ACTORS = ['anonymous', 'learner', 'teacher', 'communeAdmin', 'provinceAdmin', 'nationAdmin'] as const;
type Actor = (typeof ACTORS)[number];

const PUBLIC = 'AAAAAA';
const SIGNED_IN = 'UAAAAA';
const ADMIN = 'UFFAAA';
const NATION_ONLY = 'UFFFFA';
const OWN = 'UAHHHH'; // the learner's own resource: nobody else reads it
/** A studio draft of another teacher (commune B): the province and the nation review it; nobody here is its author. */
const STUDIO_READ = 'UFHHAA';
const STUDIO_WRITE = 'UFHHFF';
const STUDIO = 'UFAAAA';

/** Who may act on whom: by place (commune A ⊂ Hà Nội) and by rank (nation > province > commune). */
const ON_TARGET = {
  learnerA: 'UFFAAA', // lives in commune A
  learnerB: 'UFFHAA', // another commune of Hà Nội
  learnerHue: 'UFFHHA', // another province
  communeAdminB: 'UFFHAA', // administrator of commune B: the province and the nation rank above
  provinceAdmin2: 'UFFHHA', // a peer of the province administrator, living in commune A
  nationAdmin2: 'UFFHHH', // nobody outranks the nation, wherever they live
} as const;
type Target = keyof typeof ON_TARGET;
const ADMIN_USER_OPS = ['GET /api/admin/users/{id}/reviewer', 'PUT /api/admin/users/{id}/reviewer', 'DELETE /api/admin/users/{id}/reviewer', 'PUT /api/admin/community-team/{id}', 'DELETE /api/admin/community-team/{id}', 'GET /api/admin/users/{id}', 'POST /api/admin/users/{id}/reset-code', 'POST /api/admin/users/{id}/disable', 'POST /api/admin/users/{id}/enable', 'PUT /api/admin/users/{id}/role'];

const MATRIX: Record<string, string> = {
  'GET /api/health': PUBLIC,
  'GET /api/ready': PUBLIC,
  'GET /api/units/provinces': PUBLIC,
  'GET /api/units/provinces/{id}/communes': PUBLIC,
  'GET /api/organisations': PUBLIC,
  'GET /api/auth/csrf': PUBLIC,
  'GET /api/consent': PUBLIC,
  'POST /api/auth/register': PUBLIC,
  'POST /api/auth/login': PUBLIC,
  'POST /api/auth/logout': SIGNED_IN,
  'GET /api/auth/me': SIGNED_IN,
  'POST /api/auth/password': SIGNED_IN,
  'POST /api/auth/password-reset': PUBLIC,
  'POST /api/auth/password-reset/email': PUBLIC,
  'GET /api/auth/identity-providers': PUBLIC,
  // No identity provider is configured here: the provider is unknown to everyone (bodies are checked first).
  'POST /api/auth/identity-providers/{provider}/authorization': PUBLIC,
  'GET /api/auth/identity-providers/{provider}/callback': 'HHHHHH',
  'POST /api/me/identity-links/{provider}/authorization': 'UHHHHH',
  'GET /api/me/identity-links': SIGNED_IN,
  'GET /api/auth/identity/registration': 'HHHHHH', // nothing waits in a browser that has not been to a provider
  'POST /api/auth/identity/registration': PUBLIC,
  'POST /api/auth/identity/password-reset': PUBLIC,
  'GET /api/me': SIGNED_IN,
  'PATCH /api/me': SIGNED_IN,
  'DELETE /api/me': SIGNED_IN,
  'POST /api/me/exports': SIGNED_IN,
  'GET /api/me/exports/{id}': OWN,
  'GET /api/me/exports/{id}/download': OWN,
  'GET /api/admin/users': ADMIN,
  ...Object.fromEntries(ADMIN_USER_OPS.flatMap((op) => Object.entries(ON_TARGET).map(([target, cells]) => [`${op} @${target}`, cells]))),
  'GET /api/admin/community-team': ADMIN,
  // Community team pages: members only (none of these callers is one); the guard answers before the body is read.
  'GET /api/community/membership': 'UFFFFF',
  'POST /api/community/residents': 'UFFFFF',
  'GET /api/community/residents': 'UFFFFF',
  'POST /api/community/residents/{id}/card': 'UFFFFF',
  'POST /api/community/visits': 'UFFFFF',
  'GET /api/community/visits': 'UFFFFF',
  'POST /api/community/assisted-sessions': 'UFFFFF',
  'GET /api/community/assisted-sessions/current': 'HHHHHH', // no phone here is in an assisted session
  'POST /api/community/assisted-sessions/end': 'HHHHHH',
  'POST /api/auth/card': PUBLIC,
  'GET /api/framework': PUBLIC,
  'GET /api/courses': PUBLIC,
  'GET /api/courses/{slug}': PUBLIC,
  'POST /api/admin/content/imports': NATION_ONLY,
  'GET /api/admin/content/imports/{id}': NATION_ONLY,
  'GET /api/me/learning': SIGNED_IN,
  'POST /api/courses/{slug}/enrolment': SIGNED_IN,
  'DELETE /api/courses/{slug}/enrolment': SIGNED_IN,
  'GET /api/courses/{slug}/progress': SIGNED_IN,
  'GET /api/courses/{slug}/lessons/{lesson}': SIGNED_IN,
  'PUT /api/courses/{slug}/lessons/{lesson}/completion': SIGNED_IN,
  'GET /api/courses/{slug}/media/{file}': 'HHHHHH', // no such file: the same for everyone
  'GET /api/courses/{slug}/quizzes/{quiz}': SIGNED_IN,
  'POST /api/courses/{slug}/quizzes/{quiz}/attempts': SIGNED_IN,
  'GET /api/quiz-attempts/{id}': OWN,
  'PUT /api/quiz-attempts/{id}/answers': OWN,
  'POST /api/quiz-attempts/{id}/submission': OWN,
  'GET /api/self-assessment': SIGNED_IN,
  'POST /api/self-assessment/attempts': SIGNED_IN,
  'GET /api/self-assessment/attempts/{id}': OWN,
  'PUT /api/self-assessment/attempts/{id}/answers': OWN,
  'POST /api/self-assessment/attempts/{id}/submission': OWN,
  'GET /api/admin/certification-policies': ADMIN,
  'PUT /api/admin/certification-policies/{targetGroup}': NATION_ONLY,
  'GET /api/certification': SIGNED_IN,
  'POST /api/certification/claim': SIGNED_IN,
  'GET /api/me/records': SIGNED_IN,
  'GET /api/me/records/{id}/certificate.pdf': 'UHHHHH', // no record of anyone's with that id
  'GET /api/me/records/{id}/credential': 'UHHHHH',
  'GET /api/verify/{code}': 'HHHHHH',
  'POST /api/verify/credential': PUBLIC,
  'GET /api/issuer': PUBLIC,
  'GET /api/.well-known/jwks.json': PUBLIC,
  'GET /api/admin/records': ADMIN,
  'POST /api/admin/records/{id}/revocation': 'UFFHHH', // a record id that exists nowhere
  'POST /api/admin/records/{id}/reissue': 'UFFHHH',
  'GET /api/courses/{slug}/lessons/{lesson}/audio': SIGNED_IN,
  'GET /api/courses/{slug}/lessons/{lesson}/audio/{file}': SIGNED_IN,
  // Classes: teachers and administrators; a class is its teacher's and its units' (here: another teacher's, in commune B).
  'POST /api/classes': 'UFAAAA',
  'GET /api/classes': 'UFAAAA',
  'GET /api/classes/{id}': 'UFHHAA',
  'PUT /api/classes/{id}/courses': 'UFHHAA',
  'GET /api/classes/{id}/qr.svg': 'UFHHAA',
  'POST /api/me/classes': SIGNED_IN,
  'GET /api/me/classes': SIGNED_IN,
  'GET /api/admin/reporting/cohort': ADMIN,
  'GET /api/admin/reporting/people': ADMIN,
  'GET /api/admin/reporting/options': ADMIN,
  'GET /api/admin/reporting/targets': ADMIN,
  'PUT /api/admin/reporting/targets': ADMIN,
  'POST /api/admin/reporting/targets/import': ADMIN,
  'POST /api/admin/reporting/recounts': NATION_ONLY,
  'GET /api/admin/reporting/recounts/{id}': 'UFFHHA',
  'GET /api/admin/reporting/periodic': ADMIN,
  'POST /api/admin/reporting/periodic/{id}/submission': 'UFFHHH', // no such report
  'POST /api/admin/reporting/periodic/freeze': NATION_ONLY,
  'POST /api/admin/reporting/exports': ADMIN,
  'GET /api/admin/reporting/exports/{id}': 'UFFHHH', // no such export
  'GET /api/admin/reporting/exports/{id}/file': 'UFFHHH',
  'GET /api/assistant': SIGNED_IN,
  'POST /api/assistant/questions': SIGNED_IN,
  'POST /api/assistant/questions/stream': SIGNED_IN,
  'GET /api/assistant/history': SIGNED_IN,
  'DELETE /api/assistant/history': SIGNED_IN,
  'DELETE /api/assistant/history/{id}': 'UHHHHH', // nobody's message has that id
  'PUT /api/assistant/messages/{id}/feedback': 'UHHHHH', // nobody's message has that id
  'GET /api/assistant/next-step': SIGNED_IN,
  'GET /api/assistant/quiz-attempts/{id}/why-wrong': OWN, // the learner's open attempt: 409 until submitted
  'GET /api/admin/assistant': ADMIN,
  'PUT /api/admin/assistant/settings': NATION_ONLY,
  'GET /api/studio/courses': STUDIO,
  'POST /api/studio/courses': STUDIO,
  'POST /api/studio/courses/import': STUDIO, // a JSON body is refused (415) before any course is read
  'GET /api/studio/courses/{id}': STUDIO_READ,
  'PUT /api/studio/courses/{id}': STUDIO_WRITE,
  'GET /api/studio/courses/{id}/export.zip': STUDIO_READ,
  'POST /api/studio/courses/{id}/submit': STUDIO_WRITE,
  'POST /api/studio/courses/{id}/return': STUDIO_READ, // reviewers get past: 409, the draft is not in review
  'POST /api/studio/courses/{id}/publish': STUDIO_READ, // likewise
  'POST /api/studio/courses/{id}/archive': STUDIO_READ, // runs last: the province archives, the nation finds it archived
  'GET /api/studio/courses/{id}/comments': STUDIO_READ,
  'POST /api/studio/courses/{id}/comments': STUDIO_READ,
  'POST /api/studio/courses/{id}/comments/{commentId}/resolve': STUDIO_READ,
  'POST /api/studio/courses/{id}/authors': STUDIO_WRITE,
  'DELETE /api/studio/courses/{id}/authors/{userId}': STUDIO_WRITE,
  'GET /api/studio/courses/{id}/lessons': STUDIO_READ,
  'POST /api/studio/courses/{id}/lessons': STUDIO_WRITE,
  'POST /api/studio/courses/{id}/lessons/order': STUDIO_WRITE,
  'GET /api/studio/courses/{id}/lessons/{lessonId}': STUDIO_READ,
  'PUT /api/studio/courses/{id}/lessons/{lessonId}': STUDIO_WRITE,
  'DELETE /api/studio/courses/{id}/lessons/{lessonId}': STUDIO_WRITE,
  'GET /api/studio/courses/{id}/questions': STUDIO_READ,
  'POST /api/studio/courses/{id}/questions': STUDIO_WRITE,
  'POST /api/studio/courses/{id}/questions/gift': STUDIO_WRITE,
  'GET /api/studio/courses/{id}/questions/export.gift': STUDIO_READ,
  'PUT /api/studio/courses/{id}/questions/{questionId}': STUDIO_WRITE,
  'DELETE /api/studio/courses/{id}/questions/{questionId}': STUDIO_WRITE,
  'GET /api/studio/question-suggestions': STUDIO,
  'POST /api/studio/courses/{id}/lessons/{lessonId}/question-suggestions': STUDIO_WRITE, // only the authors; no model here, so they would get 503
  'GET /api/studio/courses/{id}/quizzes': STUDIO_READ,
  'POST /api/studio/courses/{id}/quizzes': STUDIO_WRITE,
  'PUT /api/studio/courses/{id}/quizzes/{quizId}': STUDIO_WRITE,
  'DELETE /api/studio/courses/{id}/quizzes/{quizId}': STUDIO_WRITE,
  'POST /api/studio/courses/{id}/media': STUDIO, // the file's name is checked (400) before any course is read
  'GET /api/studio/courses/{id}/media/{name}': STUDIO_READ,
  'DELETE /api/studio/courses/{id}/media/{name}': STUDIO_WRITE,
  'POST /api/studio/preview': STUDIO_READ,
  'GET /api/studio/courses/{id}/preview/lessons/{lessonId}': STUDIO_READ,
  'POST /api/studio/courses/{id}/preview/quizzes/{quizId}/attempt': STUDIO_READ,
  'POST /api/studio/courses/{id}/preview/quizzes/{quizId}/attempt/grade': STUDIO_READ, // readers: 400, the sealed attempt is not valid
  'DELETE /api/me/identity-links/{provider}': 'UHHHHH', // nobody here has linked one
  'POST /api/classes/{id}/invitations': 'UFHHAA',
  'GET /api/admin/reporting/community': ADMIN,
  // Notifications: each person's own.
  'GET /api/me/notifications': SIGNED_IN,
  'GET /api/me/notifications/unread-count': SIGNED_IN,
  'POST /api/me/notifications/{id}/read': 'UHHHHH',
  'POST /api/me/notifications/read': SIGNED_IN,
  'GET /api/me/notification-settings': SIGNED_IN,
  'PUT /api/me/notification-settings': SIGNED_IN,
  // Ambassadors: anyone may try to become one (409 without a record); only ambassadors reach mentees (none of these callers is one).
  'GET /api/me/ambassador': SIGNED_IN,
  'PUT /api/me/ambassador': SIGNED_IN,
  'DELETE /api/me/ambassador': SIGNED_IN,
  'GET /api/me/ambassador/mentees': 'UFFFFF',
  'POST /api/me/ambassador/mentees/{id}/reminders': 'UFFFFF',
  'GET /api/ambassador-invitations/{code}': 'UHHHHH', // no ambassador has that code
  'GET /api/me/mentorship': SIGNED_IN,
  'PUT /api/me/mentorship': SIGNED_IN,
  'DELETE /api/me/mentorship': SIGNED_IN,
  // Households: a household is its members'; none of these callers is in one.
  'GET /api/me/household': SIGNED_IN,
  'POST /api/households': SIGNED_IN,
  'PUT /api/me/household': SIGNED_IN,
  'DELETE /api/me/household': 'UHHHHH',
  'GET /api/household-invitations/{code}': 'UHHHHH',
  'POST /api/me/household-invitations/{id}/acceptance': 'UHHHHH',
  'DELETE /api/me/household-invitations/{id}': 'UHHHHH',
  'POST /api/households/{id}/invitations': 'UHHHHH',
  'DELETE /api/households/{id}/invitations/{invitationId}': 'UHHHHH',
  'DELETE /api/households/{id}/members/{userId}': 'UHHHHH',
  'POST /api/households/{id}/code': 'UHHHHH',
  'GET /api/admin/household-rules': ADMIN,
  'GET /api/admin/household-rules/{year}': ADMIN,
  'PUT /api/admin/household-rules/{year}': NATION_ONLY,
};

/** Operations as the committed contract lists them. */
const operations = Object.entries(openapi.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
  Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
);

function verdict(status: number, code: string | undefined): string {
  if (status >= 500 || code === 'CSRF_INVALID') return `!${status} ${code}`;
  if (status === 401) return 'U';
  if (status === 403 && code === 'FORBIDDEN') return 'F';
  return status === 404 ? 'H' : 'A';
}

describe('authorization matrix (every operation of openapi.json × every kind of caller)', () => {
  let t: TestApp;
  const users = {} as Record<Exclude<Actor, 'anonymous'> | Target | 'teacherB', User>;
  const params: Record<string, string> = {};
  const bodies: Record<string, object> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const hanoi = await unitsOf(t.dataSource, '01');
    const hue = await unitsOf(t.dataSource, '04');
    const [a, b] = hanoi.communes as [typeof hanoi.communes[0], typeof hanoi.communes[0]];
    Object.assign(users, {
      learner: await createUser(t, { commune: a }),
      teacher: await createUser(t, { commune: a, role: 'teacher' }),
      communeAdmin: await createUser(t, { commune: a, role: 'admin', scope: { level: 'commune', unitId: a.id } }),
      provinceAdmin: await createUser(t, { commune: a, role: 'admin', scope: { level: 'province', unitId: hanoi.province.id } }),
      nationAdmin: await createUser(t, { commune: hue.communes[0]!, role: 'admin', scope: { level: 'nation', unitId: null } }),
      learnerA: await createUser(t, { commune: a }),
      learnerB: await createUser(t, { commune: b }),
      learnerHue: await createUser(t, { commune: hue.communes[0]! }),
      communeAdminB: await createUser(t, { commune: b, role: 'admin', scope: { level: 'commune', unitId: b.id } }),
      teacherB: await createUser(t, { commune: b, role: 'teacher' }),
      provinceAdmin2: await createUser(t, { commune: a, role: 'admin', scope: { level: 'province', unitId: hanoi.province.id } }),
      nationAdmin2: await createUser(t, { commune: a, role: 'admin', scope: { level: 'nation', unitId: null } }),
    });

    // The learner's own things, which nobody else may reach.
    const learner = await session('learner');
    const course = (await learner.send('GET', '/api/courses/dien-thoai-thong-minh-lan-dau')).body as { slug: string; lessons: { slug: string }[]; quizzes: { slug: string }[] };
    await learner.send('POST', `/api/courses/${course.slug}/enrolment`);
    for (const lesson of course.lessons) await learner.send('PUT', `/api/courses/${course.slug}/lessons/${lesson.slug}/completion`, {});
    const attempt = await learner.send('POST', `/api/courses/${course.slug}/quizzes/${course.quizzes[0]!.slug}/attempts`);
    expect(attempt.status).toBe(201);
    const assessment = await learner.send('POST', '/api/self-assessment/attempts');
    expect(assessment.status).toBe(201);
    const exported = await learner.send('POST', '/api/me/exports');
    const nation = await session('nationAdmin');
    const contentImport = await nation.send('POST', '/api/admin/content/imports');
    const recount = await nation.send('POST', '/api/admin/reporting/recounts');
    const otherClass = await (await session('teacherB')).send('POST', '/api/classes', { name: 'Lớp kỹ năng số thôn 3', courses: [course.slug] });
    expect(otherClass.status).toBe(201);
    // A studio draft of teacher B's, with a lesson, a question, a quiz, a comment and a file.
    const studioB = await session('teacherB');
    const draft = (await studioB.send('POST', '/api/studio/courses', { slug: 'matrix-studio', title: 'Khóa học thử quyền' })).body as { id: string };
    const studio = `/api/studio/courses/${draft.id}`;
    const lesson = (await studioB.send('POST', `${studio}/lessons`, { title: 'Bài một', competencies: ['4.2'] })).body as { id: string };
    const question = { type: 'true_false', competency: '4.2', level: 1, prompt: 'OTP là bí mật.', explanation: 'Đúng vậy.', options: [{ text: 'Đúng', correct: true, feedback: 'Đúng.' }, { text: 'Sai', correct: false, feedback: 'Chưa đúng.' }] };
    const studioQuestion = (await studioB.send('POST', `${studio}/questions`, question)).body as { id: string };
    const studioQuiz = (await studioB.send('POST', `${studio}/quizzes`, { title: 'Kiểm tra', questionCount: 1, passPercent: 50 })).body as { id: string };
    const comment = (await studioB.send('POST', `${studio}/comments`, { text: 'Ghi chú' })).body as { id: string };
    expect([lesson.id, studioQuestion.id, studioQuiz.id, comment.id].every(Boolean)).toBe(true);
    await t.dataSource.query(
      `INSERT INTO studio_media (course_id, name, kind, mime, size, digest, alt, bytes, uploaded_by_id) VALUES ($1, 'hinh.svg', 'svg', 'image/svg+xml', 3, 'x', 'Hình', '<s>', $2)`,
      [draft.id, users.teacherB.id],
    );
    const policies = (await nation.send('GET', '/api/admin/certification-policies')).body as Record<string, unknown>[];
    const targetGroup = policies[0]!.targetGroup as string;
    // The settings only: what the page sends back.
    const policySettings = Object.fromEntries(Object.entries(policies[0]!).filter(([k]) => !['targetGroup', 'frameworkVersion', 'updatedAt'].includes(k)));
    Object.assign(params, {
      'units/provinces/{id}': hanoi.province.id,
      'me/exports/{id}': (exported.body as { id: string }).id,
      'admin/content/imports/{id}': (contentImport.body as { id: string }).id,
      '{slug}': course.slug,
      '{lesson}': course.lessons[0]!.slug,
      '{quiz}': course.quizzes[0]!.slug,
      '{file}': 'khong-co.png',
      'quiz-attempts/{id}': (attempt.body as { id: string }).id,
      'recounts/{id}': (recount.body as { id: string }).id,
      'classes/{id}': (otherClass.body as { id: string }).id,
      'studio/courses/{id}': draft.id,
      '{lessonId}': lesson.id,
      '{questionId}': studioQuestion.id,
      '{quizId}': studioQuiz.id,
      '{commentId}': comment.id,
      '{userId}': users.teacherB.id,
      '{name}': 'hinh.svg',
      'self-assessment/attempts/{id}': (assessment.body as { id: string }).id,
      '{targetGroup}': targetGroup,
      '{code}': 'ABCD-EFGH-JKMN',
      '{provider}': 'vneid',
      '{invitationId}': '00000000-0000-4000-8000-000000000001',
      '{year}': '2026',
      '{id}': '00000000-0000-4000-8000-000000000000',
    });
    Object.assign(bodies, {
      'PUT /api/admin/users/{id}/role': { role: 'teacher' },
      'PUT /api/quiz-attempts/{id}/answers': { answers: {} },
      'PUT /api/admin/certification-policies/{targetGroup}': policySettings,
      'POST /api/quiz-attempts/{id}/submission': { answers: {} },
      'PUT /api/classes/{id}/courses': { courses: [course.slug] },
      'POST /api/admin/reporting/periodic/freeze': { kind: 'monthly', period: '2026-11' },
      'POST /api/admin/records/{id}/revocation': { reason: 'Kiểm tra quyền truy cập' },
      'POST /api/admin/records/{id}/reissue': { reason: 'Kiểm tra quyền truy cập' },
      'POST /api/assistant/questions': { question: 'mã OTP là gì' },
      'POST /api/assistant/questions/stream': { question: 'mã OTP là gì' },
      'PUT /api/assistant/messages/{id}/feedback': { helpful: true },
      'PUT /api/admin/assistant/settings': { mode: 'model' },
      'POST /api/studio/courses': { slug: 'matrix-studio-2', title: 'Khóa mới' },
      'PUT /api/studio/courses/{id}': { version: 1, title: 'Tên khác' },
      'POST /api/studio/courses/{id}/return': { comment: 'Sửa lại' },
      'POST /api/studio/courses/{id}/comments': { text: 'Ghi chú' },
      'POST /api/studio/courses/{id}/authors': { login: '0912345678', role: 'coauthor' },
      'POST /api/studio/courses/{id}/lessons': { title: 'Bài hai' },
      'POST /api/studio/courses/{id}/lessons/order': { lessonIds: [lesson.id] },
      'PUT /api/studio/courses/{id}/lessons/{lessonId}': { version: 1, title: 'Bài một sửa' },
      'POST /api/studio/courses/{id}/questions': question,
      'POST /api/studio/courses/{id}/lessons/{lessonId}/question-suggestions': { count: 3 },
      'POST /api/studio/courses/{id}/questions/gift': { text: '// @competency 4.2\n// @level 1\n::g1:: Câu hỏi? {=Có ~Không}' },
      'PUT /api/studio/courses/{id}/questions/{questionId}': { ...question, version: 1 },
      'POST /api/studio/courses/{id}/quizzes': { title: 'Kiểm tra hai', questionCount: 1, passPercent: 50 },
      'PUT /api/studio/courses/{id}/quizzes/{quizId}': { version: 1, title: 'Kiểm tra sửa', questionCount: 1, passPercent: 60 },
      'POST /api/studio/preview': { courseId: draft.id, markdown: '# Xem thử' },
      'POST /api/studio/courses/{id}/preview/quizzes/{quizId}/attempt/grade': { attempt: 'x.y', answers: {} },
      'POST /api/classes/{id}/invitations': { login: '0912345678' },
      'POST /api/me/household-invitations/{id}/acceptance': { consent: true },
      'POST /api/households/{id}/invitations': { login: '0912345678' },
      'PUT /api/admin/household-rules/{year}': { adultAge: 18, requiredPercent: 100 },
      'PUT /api/me/notification-settings': { settings: [] },
    });
  });
  afterAll(() => t.close());

  /** A fresh session of the actor (or none), with its CSRF token, sending whatever it is asked to. */
  async function session(actor: Actor | 'teacherB') {
    const server = t.app.getHttpServer();
    const sid = actor === 'anonymous' ? null : (await t.app.get(SessionsService).create(users[actor].id, 'matrix')).token;
    const sidCookie = sid ? `sid=${sid}` : '';
    const csrfRes = await request(server).get('/api/auth/csrf').set('Cookie', sidCookie);
    const csrf = (csrfRes.body as { csrfToken: string }).csrfToken;
    const cookie = [sidCookie, `csrf_token=${csrf}`].filter(Boolean).join('; ');
    return {
      send: (method: string, path: string, body?: object) =>
        request(server)[method.toLowerCase() as 'get'](path).set('Cookie', cookie).set('x-csrf-token', csrf).set('Idempotency-Key', `matrix-${Math.random()}`).send(body),
    };
  }

  const concrete = (path: string, target?: Target) =>
    path
      .replace('{id}', target ? users[target].id : (Object.entries(params).find(([k]) => k.includes('{id}') && path.includes(k))?.[1] ?? params['{id}']!))
      .replace(/\{\w+\}/g, (name) => params[name]!)
      .replace('/api/.well-known/', '/.well-known/');

  it('has a row for every operation and no row for an operation that is gone', () => {
    const rows = new Set(Object.keys(MATRIX).map((k) => k.split(' @')[0]!));
    expect(operations.filter((op) => !rows.has(op))).toEqual([]);
    expect([...rows].filter((op) => !operations.includes(op))).toEqual([]);
  });

  // Writes that undo what later rows need (a role change, leaving the course) come last.
  const last = (row: string) => Number(row.startsWith('PUT /api/admin/users') || row.startsWith('DELETE /api/courses') || row.endsWith('/archive'));
  const rows = Object.keys(MATRIX).sort((x, y) => last(x) - last(y));

  it.each(rows)('%s', async (row) => {
    const [op, target] = row.split(' @') as [string, Target | undefined];
    const [method, path] = op.split(' ') as [string, string];
    let cells = '';
    for (const actor of ACTORS) {
      const res = await (await session(actor)).send(method, concrete(path, target), bodies[op] ?? (method === 'GET' ? undefined : {}));
      cells += verdict(res.status, (res.body as { code?: string } | undefined)?.code);
    }
    expect(cells).toBe(MATRIX[row]);
  });
});
