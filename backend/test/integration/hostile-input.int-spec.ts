import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import openapi from '../../openapi.json';
import { SessionsService } from '../../src/modules/auth/sessions.service';
import { createUser, unitsOf } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

type Operation = { requestBody?: { content: Partial<Record<string, { schema: { $ref?: string } }>> }; parameters?: { in: string; name: string }[] };
type Schema = { properties?: Record<string, { type?: string; $ref?: string }> };

const spec = openapi as unknown as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
const operations = Object.entries(spec.paths).flatMap(([route, ops]) => Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), route, op })));

/** The fields the operation's JSON body declares (none for a file upload). */
function bodyFields(op: Operation): string[] {
  const ref = op.requestBody?.content['application/json']?.schema.$ref;
  return ref ? Object.keys(spec.components.schemas[ref.split('/').pop()!]?.properties ?? {}) : [];
}

const DEEP_ARRAY = '['.repeat(2000) + ']'.repeat(2000);
const DEEP_OBJECT = '{"a":'.repeat(2000) + '1' + '}'.repeat(2000);
const WRONG_TYPES: unknown[] = [null, 0, -1, 1e308, true, 'x', '', [], {}, ['x'], { x: 1 }, 'A'.repeat(5000), '<script>alert(1)</script>', '\u0000'];
const BAD_SEGMENTS = ['%00', 'a%00b', 'A'.repeat(3000), '..%2f..%2fetc%2fpasswd', '%ff%fe', '%E1%BB', 'đ%C6%B0%E1%BB%9Dng', '-1', '0', '1e9', 'null', '%20'];
const BAD_QUERY_VALUES = ['%00', 'a%00', 'A'.repeat(3000), '%ff', '-1', '1.5', 'null', '[]', '{}'];
/** What a stack trace or a driver error would leave in a body or a log line. */
const LEAK = /\bat [\w.<>]+ \(|\.(ts|js):\d+|QueryFailedError|RangeError|TypeError|ReferenceError|node_modules/;

/**
 * Every operation of openapi.json, signed in as a national administrator (who may reach the most)
 * with a valid CSRF token, fed nested, oversize, NUL, null, wrong-type and wrong-content-type bodies,
 * path parameters and query strings: never a 5xx, never a stack in a body or in the log.
 */
describe('hostile input to every operation', () => {
  let t: TestApp;
  let logDir: string;
  let nationId: string;

  beforeAll(async () => {
    logDir = mkdtempSync(path.join(tmpdir(), 'bdhvs-hostile-'));
    t = await startTestApp({ LOG_LEVEL: 'info', LOG_FILE: path.join(logDir, 'api.log') });
    const hanoi = await unitsOf(t.dataSource, '01');
    nationId = (await createUser(t, { commune: hanoi.communes[0]!, role: 'admin', scope: { level: 'nation', unitId: null } })).id;
  });
  afterAll(async () => {
    await t.close();
    rmSync(logDir, { recursive: true, force: true });
  });

  /** A fresh session per operation: one that signs out or deletes the account spoils no other. */
  async function signedIn() {
    const server = t.app.getHttpServer();
    const { token } = await t.app.get(SessionsService).create(nationId, 'hostile');
    const csrf = ((await request(server).get('/api/auth/csrf').set('Cookie', `sid=${token}`)).body as { csrfToken: string }).csrfToken;
    return (method: string, url: string) =>
      request(server)[method.toLowerCase() as 'post'](url).set('Cookie', `sid=${token}; csrf_token=${csrf}`).set('x-csrf-token', csrf);
  }

  const failures: string[] = [];
  const judge = (what: string, res: request.Response) => {
    if (res.status >= 500) failures.push(`${what} → ${res.status} ${res.text.slice(0, 200)}`);
    else if (LEAK.test(res.text)) failures.push(`${what} → ${res.status} leaks: ${res.text.slice(0, 200)}`);
  };

  it.each(operations.map((o) => [`${o.method} ${o.route}`, o] as const))('%s', async (_name, { method, route, op }) => {
    const send = await signedIn();
    const params = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
    const url = route.replace('/api/.well-known/', '/.well-known/').replace(/\{(\w+)\}/g, '00000000-0000-4000-8000-000000000000');
    const what = (detail: string) => `${method} ${route} ${detail}`;

    for (const name of params) {
      for (const bad of BAD_SEGMENTS) {
        const other = route.replace(`{${name}}`, bad).replace(/\{(\w+)\}/g, 'x');
        judge(what(`${name}=${bad.slice(0, 20)}`), await send(method, other).set('content-type', 'application/json').send('{}'));
      }
    }
    for (const query of (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name)) {
      for (const bad of BAD_QUERY_VALUES) judge(what(`?${query}=${bad.slice(0, 20)}`), await send(method, `${url}?${query}=${bad}`));
      judge(what(`?${query} twice`), await send(method, `${url}?${query}=a&${query}=b`));
    }
    if (method === 'GET') return;

    for (const raw of [DEEP_ARRAY, DEEP_OBJECT, 'null', '[]', '"x"', '123', '{"a":"\\u0000"}', '{', '{"__proto__":{"admin":true}}', JSON.stringify({ x: 'A'.repeat(200_000) })]) {
      const res = await send(method, url).set('content-type', 'application/json').send(raw);
      judge(what(`body ${raw.slice(0, 20)}`), res);
      if (raw === DEEP_ARRAY || raw === DEEP_OBJECT) expect([what('deep'), res.status]).toEqual([what('deep'), 400]);
    }
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml']) {
      const res = await send(method, url).set('content-type', type).send('a=1');
      judge(what(`content-type ${type}`), res);
      expect([what(type), res.status]).toEqual([what(type), 415]);
    }
    for (const field of bodyFields(op)) {
      for (const value of WRONG_TYPES) {
        judge(what(`${field}=${JSON.stringify(value).slice(0, 20)}`), await send(method, url).set('content-type', 'application/json').send(JSON.stringify({ [field]: value })));
      }
    }
  });

  it('left nothing to answer with a 5xx or a stack, and no error in the log', () => {
    expect(failures).toEqual([]);
    const log = readFileSync(path.join(logDir, 'api.log'), 'utf8');
    const errors = log.split('\n').filter((line) => line && (JSON.parse(line) as { level: number }).level >= 50);
    expect(errors).toEqual([]);
    expect(log).not.toMatch(LEAK);
  });
});
