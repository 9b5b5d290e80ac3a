import type { DataSource } from 'typeorm';
import { User, type Role, type ScopeLevel, type TargetGroup } from '../modules/users/entities/user.entity';
import { AdminUnit } from '../modules/units/entities/admin-unit.entity';
import { hashPassword } from '../modules/users/password-hasher';
import type { UsersService } from '../modules/users/users.service';
import { CONSENT } from '../modules/auth/consent';

/** Shared by every demo account; never used outside a demo (SEED_DEMO is off in production). */
export const DEMO_PASSWORD = 'HocVuSo@2026';

type DemoAccount = {
  phone: string;
  fullName: string;
  role: Role;
  scope?: ScopeLevel;
  targetGroup: TargetGroup;
  birthYear: number;
  province: string;
  label: string;
};

/**
 * Hà Nội (01) holds most demo people; one learner lives in Huế (04) to show a province admin's limits.
 * The teacher and the commune administrator share the first ward: the teacher writes in the studio and
 * the administrator reviews and publishes that ward's courses.
 */
const ACCOUNTS: DemoAccount[] = [
  { phone: '0900000001', fullName: 'Nguyễn Thị Lan', role: 'learner', targetGroup: 'citizen', birthYear: 1956, province: '01', label: 'Người học' },
  { phone: '0900000002', fullName: 'Trần Văn Minh', role: 'teacher', targetGroup: 'public_servant', birthYear: 1985, province: '01', label: 'Giáo viên (soạn bài)' },
  { phone: '0900000003', fullName: 'Lê Quốc Hùng', role: 'admin', scope: 'nation', targetGroup: 'public_servant', birthYear: 1978, province: '01', label: 'Quản trị toàn quốc' },
  { phone: '0900000004', fullName: 'Phạm Thu Hà', role: 'admin', scope: 'province', targetGroup: 'public_servant', birthYear: 1982, province: '01', label: 'Quản trị tỉnh (Hà Nội)' },
  { phone: '0900000005', fullName: 'Đỗ Văn Nam', role: 'admin', scope: 'commune', targetGroup: 'public_servant', birthYear: 1990, province: '01', label: 'Quản trị xã (duyệt bài)' },
  { phone: '0900000006', fullName: 'Hoàng Minh Châu', role: 'learner', targetGroup: 'student', birthYear: 2008, province: '04', label: 'Người học (Huế)' },
];

/** Creates the demo accounts that do not exist yet and returns what to print. */
export async function seedDemoAccounts(dataSource: DataSource, users: UsersService): Promise<string[]> {
  const repo = dataSource.getRepository(User);
  const unitsRepo = dataSource.getRepository(AdminUnit);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const lines: string[] = [];
  for (const a of ACCOUNTS) {
    const province = await unitsRepo.findOneByOrFail({ level: 'province', code: a.province, active: true });
    const commune = await unitsRepo.findOneOrFail({ where: { parentId: province.id, active: true }, order: { code: 'ASC' } });
    if (!(await users.findByLogin({ kind: 'phone', value: a.phone }))) {
      const sealed = users.seal(a.phone);
      await repo.save(
        repo.create({
          phoneEnc: sealed.enc,
          phoneHash: sealed.hash,
          passwordHash,
          passwordChangedAt: new Date(),
          fullName: a.fullName,
          birthYear: a.birthYear,
          targetGroup: a.targetGroup,
          unitId: commune.id,
          provinceId: province.id,
          role: a.role,
          scopeLevel: a.scope ?? null,
          scopeUnitId: a.scope === 'province' ? province.id : a.scope === 'commune' ? commune.id : null,
          consentVersion: CONSENT.version,
          consentAt: new Date(),
        }),
      );
    }
    lines.push(`  ${a.label.padEnd(24)} ${a.phone}  (${commune.fullName})`);
  }
  return [...lines, `  Mật khẩu chung / password: ${DEMO_PASSWORD}`];
}
