import { setTimeout as sleep } from 'node:timers/promises';
import { createUser, loginAs, unitsOf } from '../support/factories';
import { type Mail, startSmtpInbox } from '../support/smtp-inbox';
import { startTestApp, type TestApp } from '../support/test-app';

describe('password reset by email, where the account has one and mail is configured', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpInbox>>;
  let inbox: Mail[];

  beforeAll(async () => {
    smtp = await startSmtpInbox();
    inbox = smtp.inbox;
    t = await startTestApp({ SMTP_URL: smtp.url });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('mails an 8-digit code that resets the password', async () => {
    const commune = (await unitsOf(t.dataSource, '01')).communes[0]!;
    const user = await createUser(t, { commune, email: 'quen@example.vn' });
    const anon = await t.client();
    await anon.post('/api/auth/password-reset/email', { email: 'Quen@Example.vn' }).expect(202);
    // Unknown addresses get the same answer and no mail.
    await anon.post('/api/auth/password-reset/email', { email: 'nobody@example.vn' }).expect(202);
    for (let i = 0; i < 50 && inbox.length === 0; i++) await sleep(100);
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.to).toBe('quen@example.vn');
    // The raw message: headers too, whose Message-ID may hold eight digits in a row; the code follows "là: ".
    const code = /: (\d{8})(?!\d)/.exec(inbox[0]!.body)?.[1];
    expect(code).toBeDefined();
    await anon.post('/api/auth/password-reset', { login: 'quen@example.vn', code, newPassword: 'Thu-moi-qua-email-1' }).expect(204);
    await loginAs(t, user.phone, 'Thu-moi-qua-email-1');
  });
});
