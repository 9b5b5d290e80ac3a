import 'reflect-metadata';
import { createInterface } from 'node:readline/promises';
import { DataSource } from 'typeorm';
import { AuditService } from '../modules/audit/audit.service';
import { CONSENT } from '../modules/auth/consent';
import { User } from '../modules/users/entities/user.entity';
import { parseLogin } from '../modules/users/login-identifier';
import { hashPassword } from '../modules/users/password-hasher';
import { passwordWeakness } from '../modules/users/password-policy';
import { UnitsService } from '../modules/units/units.service';
import { UsersService } from '../modules/users/users.service';
import { CliError, flags, runCli } from './cli-app';

/**
 * npm run admin:create -- --login 0912345678 --name "Nguyễn Văn A" --commune-code 00123
 * Creates (or promotes) a national administrator. The password comes from ADMIN_PASSWORD or a prompt.
 */
void runCli(async (app) => {
  const args = flags();
  const login = parseLogin(args.get('login') ?? '');
  const fullName = args.get('name')?.trim();
  const communeCode = args.get('commune-code');
  if (!login || !fullName || !communeCode) {
    throw new CliError('usage: admin:create -- --login PHONE_OR_EMAIL --name "FULL NAME" --commune-code CODE');
  }
  const units = app.get(UnitsService);
  const commune = await units.findByCode('commune', communeCode);
  if (!commune?.parentId || !commune.active) throw new CliError(`No active commune/ward with code ${communeCode}`);
  const users = app.get(UsersService);
  const repo = app.get(DataSource).getRepository(User);
  const existing = await users.findByLogin(login);
  if (existing) {
    await repo.update(existing.id, { role: 'admin', scopeLevel: 'nation', scopeUnitId: null });
    await app.get(AuditService).record('user.role_changed', { subjectId: existing.id, details: { to: 'admin:nation', via: 'cli' } });
    console.log(`Promoted the existing account to national administrator.`);
    return;
  }
  const password = process.env.ADMIN_PASSWORD ?? (await ask('Password: '));
  const weakness = passwordWeakness(password, [login.value]);
  if (weakness) throw new CliError(`The password ${weakness}`);
  const sealed = users.seal(login.value);
  const user = await repo.save(
    repo.create({
      ...(login.kind === 'phone' ? { phoneEnc: sealed.enc, phoneHash: sealed.hash } : { emailEnc: sealed.enc, emailHash: sealed.hash }),
      passwordHash: await hashPassword(password),
      passwordChangedAt: new Date(),
      fullName,
      birthYear: null,
      targetGroup: 'public_servant',
      unitId: commune.id,
      provinceId: commune.parentId,
      role: 'admin',
      scopeLevel: 'nation',
      consentVersion: CONSENT.version,
      consentAt: new Date(),
    }),
  );
  await app.get(AuditService).record('user.role_changed', { subjectId: user.id, details: { to: 'admin:nation', via: 'cli' } });
  console.log(`Created national administrator ${user.id}.`);
});

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}
