import { In } from 'typeorm';
import { AdminUnit } from '../../src/modules/units/entities/admin-unit.entity';
import { UnitsImportService } from '../../src/modules/units/units-import.service';
import { User } from '../../src/modules/users/entities/user.entity';
import { createUser } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

const PROVINCES = `code,name,fullName,slug,type,isCentral
P1,Sông Xanh,Tỉnh Sông Xanh,song-xanh,province,false
P2,Núi Đỏ,Tỉnh Núi Đỏ,nui-do,province,false
`;
const WARDS = `code,name,fullName,slug,type,provinceCode
W1,An Bình,"Xã An Bình, Tỉnh Sông Xanh",an-binh,commune,P1
W2,Phú Hòa,"Phường Phú Hòa, Tỉnh Sông Xanh",phu-hoa,ward,P1
W3,Tân Lập,"Xã Tân Lập, Tỉnh Núi Đỏ",tan-lap,commune,P2
W4,Đông Hải,"Xã Đông Hải, Tỉnh Núi Đỏ",dong-hai,commune,P2
`;

describe('administrative units import', () => {
  let t: TestApp;
  let importer: UnitsImportService;
  const unit = (code: string) => t.dataSource.getRepository(AdminUnit).findOneByOrFail({ code });

  beforeAll(async () => {
    t = await startTestApp();
    importer = t.app.get(UnitsImportService);
  });
  afterAll(() => t.close());

  it('imports a list, and importing it again changes nothing', async () => {
    // The shipped national list is in the database already: this tiny list replaces it.
    const shipped = await t.dataSource.getRepository(AdminUnit).count({ where: { active: true } });
    expect(await importer.importCsv(PROVINCES, WARDS)).toEqual({ created: 6, updated: 0, unchanged: 0, deactivated: shipped });
    const before = await t.dataSource.getRepository(AdminUnit).find({ where: [{ code: 'W1' }, { code: 'W2' }] });
    expect(await importer.importCsv(PROVINCES, WARDS)).toEqual({ created: 0, updated: 0, unchanged: 6, deactivated: 0 });
    const after = await t.dataSource.getRepository(AdminUnit).find({ where: [{ code: 'W1' }, { code: 'W2' }] });
    expect(after.map((u) => u.updatedAt.getTime()).sort()).toEqual(before.map((u) => u.updatedAt.getTime()).sort());
  });

  it('keeps every learner linked through renames, new codes and removals', async () => {
    const w1 = await unit('W1');
    const w2 = await unit('W2');
    const w3 = await unit('W3');
    const w4 = await unit('W4');
    const learners = await Promise.all([w1, w2, w3, w4].map((commune) => createUser(t, { commune })));

    const official = `code,name,fullName,slug,type,provinceCode,previousCode
N1,An Bình Mới,"Xã An Bình Mới, Tỉnh Sông Xanh",an-binh-moi,commune,P1,W1
N2,Phú Hòa,"Phường Phú Hòa, Tỉnh Sông Xanh",phu-hoa,ward,P1,
W3,Tân Lập Đông,"Xã Tân Lập Đông, Tỉnh Núi Đỏ",tan-lap-dong,commune,P2,
N5,Hải Sơn,"Xã Hải Sơn, Tỉnh Núi Đỏ",hai-son,commune,P2,
`;
    const provinces = PROVINCES.replace('Tỉnh Núi Đỏ,nui-do', 'Tỉnh Núi Đỏ Mới,nui-do');
    const report = await importer.importCsv(provinces, official);
    // N1: recoded and renamed (previousCode). N2: recoded, same name. W3: renamed. N5: new. W4: gone.
    expect(report).toEqual({ created: 1, updated: 4, unchanged: 1, deactivated: 1 });
    expect((await unit('N1')).id).toBe(w1.id);
    expect((await unit('N1')).name).toBe('An Bình Mới');
    expect((await unit('N2')).id).toBe(w2.id);
    expect((await unit('W3')).id).toBe(w3.id);
    expect((await unit('W3')).name).toBe('Tân Lập Đông');
    const retired = await t.dataSource.getRepository(AdminUnit).findOneByOrFail({ id: w4.id });
    expect(retired.active).toBe(false);
    const stillLinked = await t.dataSource.getRepository(User).findBy({ id: In(learners.map((l) => l.id)) });
    expect(stillLinked.map((u) => u.unitId).sort()).toEqual([w1.id, w2.id, w3.id, w4.id].sort());
    // The retired unit is no longer offered for registration.
    const p2 = await unit('P2');
    const offered = (await (await t.client()).get(`/api/units/provinces/${p2.id}/communes`).expect(200)).body;
    expect(offered.map((u: { code: string }) => u.code).sort()).toEqual(['N5', 'W3']);
    // Importing the official list again is a no-op.
    expect(await importer.importCsv(provinces, official)).toEqual({ created: 0, updated: 0, unchanged: 6, deactivated: 0 });
  });

  it('swaps two codes when the new list says so', async () => {
    const a = await unit('N1');
    const b = await unit('N2');
    const swapped = `code,name,fullName,slug,type,provinceCode,previousCode
N2,An Bình Mới,"Xã An Bình Mới, Tỉnh Sông Xanh",x,commune,P1,N1
N1,Phú Hòa,"Phường Phú Hòa, Tỉnh Sông Xanh",y,ward,P1,N2
W3,Tân Lập Đông,"Xã Tân Lập Đông, Tỉnh Núi Đỏ",z,commune,P2,
N5,Hải Sơn,"Xã Hải Sơn, Tỉnh Núi Đỏ",w,commune,P2,
`;
    await importer.importCsv(PROVINCES.replace('Tỉnh Núi Đỏ,nui-do', 'Tỉnh Núi Đỏ Mới,nui-do'), swapped);
    expect((await unit('N2')).id).toBe(a.id);
    expect((await unit('N1')).id).toBe(b.id);
  });

  it('reports every problem in a broken file and changes nothing', async () => {
    const count = await t.dataSource.getRepository(AdminUnit).count();
    const broken = `code,name,fullName,slug,type,provinceCode
X1,,"Xã X",x,commune,P1
X1,Trùng,"Xã Trùng",t,commune,P1
`;
    await expect(importer.importCsv(PROVINCES, broken)).rejects.toThrow(/wards\.csv:2: missing name[\s\S]*wards\.csv:3: duplicate code X1/);
    await expect(importer.importCsv(PROVINCES, 'code,name,fullName,slug,type,provinceCode\nZ1,Z,"Xã Z",z,commune,P9\n')).rejects.toThrow(/unknown provinceCode P9/);
    expect(await t.dataSource.getRepository(AdminUnit).count()).toBe(count);
  });
});
