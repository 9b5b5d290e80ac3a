import type { DataSource } from 'typeorm';
import { CONSENT } from '../../src/modules/auth/consent';
import { AdminUnit } from '../../src/modules/units/entities/admin-unit.entity';
import { type Role, type ScopeLevel, type TargetGroup, User } from '../../src/modules/users/entities/user.entity';
import { hashPassword } from '../../src/modules/users/password-hasher';
import { UsersService } from '../../src/modules/users/users.service';
import type { TestApp } from './test-app';

export const PASSWORD = 'Mat-khau-rat-manh-2026';
let passwordHash: Promise<string> | undefined;
let phoneSeq = 0;

/** A fresh, valid Vietnamese mobile number per call (unique within a test run). */
export function nextPhone(): string {
  phoneSeq += 1;
  return `09${String(process.pid % 100).padStart(2, '0')}${String(phoneSeq).padStart(6, '0')}`;
}

/** A province by its code in the shipped list, and some of its communes. */
export async function unitsOf(dataSource: DataSource, provinceCode: string): Promise<{ province: AdminUnit; communes: AdminUnit[] }> {
  const repo = dataSource.getRepository(AdminUnit);
  const province = await repo.findOneByOrFail({ level: 'province', code: provinceCode });
  const communes = await repo.find({ where: { parentId: province.id }, order: { code: 'ASC' }, take: 3 });
  return { province, communes };
}

type UserSpec = {
  commune: AdminUnit;
  role?: Role;
  scope?: { level: ScopeLevel; unitId: string | null };
  targetGroup?: TargetGroup;
  fullName?: string;
  phone?: string;
  email?: string;
  birthYear?: number;
};

/** Inserts a person directly (no HTTP), with the shared test PASSWORD. */
export async function createUser(t: TestApp, spec: UserSpec): Promise<User & { phone: string }> {
  passwordHash ??= hashPassword(PASSWORD);
  const users = t.app.get(UsersService);
  const phone = spec.phone ?? nextPhone();
  const sealedPhone = users.seal(phone);
  const sealedEmail = users.seal(spec.email ?? null);
  const repo = t.dataSource.getRepository(User);
  const user = await repo.save(
    repo.create({
      phoneEnc: sealedPhone.enc,
      phoneHash: sealedPhone.hash,
      emailEnc: sealedEmail.enc,
      emailHash: sealedEmail.hash,
      passwordHash: await passwordHash,
      fullName: spec.fullName ?? 'Nguyễn Văn Thử',
      birthYear: spec.birthYear ?? 1970,
      targetGroup: spec.targetGroup ?? 'citizen',
      unitId: spec.commune.id,
      provinceId: spec.commune.parentId!,
      role: spec.role ?? 'learner',
      scopeLevel: spec.scope?.level ?? null,
      scopeUnitId: spec.scope?.unitId ?? null,
      consentVersion: CONSENT.version,
      consentAt: new Date(),
    }),
  );
  return Object.assign(user, { phone });
}

/** Logs a client in as the given person. */
export async function loginAs(t: TestApp, login: string, password = PASSWORD) {
  const client = await t.client();
  await client.post('/api/auth/login', { login, password }).expect(200);
  return client;
}

/** Gives a person a valid completion record (of the first framework version), as if they had earned it. */
export async function giveRecord(t: TestApp, userId: string): Promise<void> {
  await t.dataSource.query(
    `INSERT INTO completion_records (code, user_id, framework_version_id, target_group, issued_at, overall_score, overall_level, competencies, credential, unit_id, province_id)
     SELECT 'R' || substr(md5(u.id::text || clock_timestamp()::text), 1, 12), u.id, (SELECT id FROM framework_versions ORDER BY version LIMIT 1), u.target_group, now(), 80, 3, '[]', 'x', u.unit_id, u.province_id
       FROM users u WHERE u.id = $1`,
    [userId],
  );
}
