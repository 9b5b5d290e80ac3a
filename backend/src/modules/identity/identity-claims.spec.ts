import { readClaims } from './identity-claims';

const NAMES = { citizenId: 'so_dinh_danh', name: 'ho_ten', birthDate: 'ngay_sinh', phone: 'so_dien_thoai' };

describe('readClaims', () => {
  it('reads the claims the configuration names and normalises them', () => {
    expect(readClaims({ sub: 'abc', so_dinh_danh: '0012 0300 1234', ho_ten: ' Nguyễn  Thị Ánh ', ngay_sinh: '02/03/1958', so_dien_thoai: '+84912345678' }, NAMES)).toEqual({
      subject: 'abc', citizenId: '001203001234', fullName: 'Nguyễn Thị Ánh', birthYear: 1958, phone: '0912345678',
    });
  });

  it('treats values of the wrong shape as absent', () => {
    expect(readClaims({ sub: 'x', so_dinh_danh: '<script>', ho_ten: '<b>Tên</b>', ngay_sinh: '3000-01-01', so_dien_thoai: '123' }, NAMES)).toEqual({
      subject: 'x', citizenId: null, fullName: null, birthYear: null, phone: null,
    });
    expect(readClaims({ sub: 'y', so_dinh_danh: { a: 1 }, ho_ten: ['An'] }, NAMES)).toMatchObject({ citizenId: null, fullName: null });
  });

  it('ignores claims under other names', () => {
    expect(readClaims({ sub: 'z', citizen_id: '001203001234', name: 'An' }, NAMES)).toMatchObject({ citizenId: null, fullName: null });
  });
});
