import { maskPersonalData } from './personal-data-mask';

describe('maskPersonalData', () => {
  it('masks phone numbers however they are written', () => {
    expect(maskPersonalData('gọi cho tôi 0912 345 678 nhé')).toBe('gọi cho tôi [số điện thoại] nhé');
    expect(maskPersonalData('số +84 912.345.678')).toBe('số [số điện thoại]');
  });

  it('masks citizen ID numbers (12 digits) and old ID cards (9 digits), and any long account number', () => {
    expect(maskPersonalData('cccd của tôi 001203004567 bị sai')).toBe('cccd của tôi [số giấy tờ] bị sai');
    expect(maskPersonalData('cmnd 123456789')).toBe('cmnd [số giấy tờ]');
    expect(maskPersonalData('stk 19033334444555 chuyển nhầm')).toBe('stk [dãy số] chuyển nhầm');
  });

  it('keeps short numbers that are part of the question', () => {
    expect(maskPersonalData('quy tắc 20-20-20 là gì, mật khẩu 12 ký tự')).toBe('quy tắc 20-20-20 là gì, mật khẩu 12 ký tự');
  });

  it('masks names after the words that introduce them and the asker’s own name, with or without diacritics', () => {
    expect(maskPersonalData('Tên tôi là Nguyễn Thị Lan, chị Hoa bảo chuyển tiền')).toBe('Tên tôi là [tên], chị [tên] bảo chuyển tiền');
    expect(maskPersonalData('nguyen van binh bi lua', ['Nguyễn Văn Bình'])).toBe('[tên] bi lua');
    expect(maskPersonalData('email lan.nguyen@example.com')).toBe('email [email]');
  });
});
