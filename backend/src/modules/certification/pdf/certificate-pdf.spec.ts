import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type CertificateData, renderCertificatePdf } from './certificate-pdf';

// Names as written in content/framework/framework.yaml; 14 rows is the most a record can list.
const rows: [code: string, name: string, levelName: string][] = [
  ['0.1', 'Sử dụng thiết bị số', 'Cơ bản 2'],
  ['0.2', 'Sử dụng phần mềm trên thiết bị', 'Cơ bản 2'],
  ['1.1', 'Duyệt, tìm kiếm và lọc dữ liệu, thông tin và nội dung số', 'Trung cấp 1'],
  ['1.2', 'Đánh giá dữ liệu, thông tin và nội dung số', 'Cơ bản 2'],
  ['1.3', 'Quản lý dữ liệu, thông tin và nội dung số', 'Cơ bản 1'],
  ['2.1', 'Tương tác thông qua công nghệ số', 'Cơ bản 2'],
  ['2.2', 'Chia sẻ thông tin và nội dung thông qua công nghệ số', 'Cơ bản 2'],
  ['2.3', 'Sử dụng công nghệ số để thực hiện trách nhiệm công dân', 'Cơ bản 1'],
  ['2.5', 'Quy tắc ứng xử trên mạng', 'Trung cấp 1'],
  ['2.6', 'Quản lý danh tính số', 'Cơ bản 2'],
  ['4.1', 'Bảo vệ thiết bị', 'Cơ bản 2'],
  ['4.2', 'Bảo vệ dữ liệu cá nhân và quyền riêng tư', 'Trung cấp 1'],
  ['4.3', 'Bảo vệ sức khỏe và an sinh số', 'Cơ bản 2'],
  ['6.2', 'Sử dụng trí tuệ nhân tạo (có đạo đức, trách nhiệm)', 'Cơ bản 1'],
];
const competencies = rows.map(([code, name, levelName]) => ({ code, name, levelName }));

const data: CertificateData = {
  code: 'BDHVS-7K3M-9QX2-H',
  holderName: 'Nguyễn Thị Ánh Tuyết',
  identityVerifiedBy: null,
  birthYear: 1956,
  issuedAt: new Date('2026-11-29T03:00:00Z'),
  frameworkVersion: 'tt02-2025.1',
  frameworkTitle: 'Khung năng lực số (Thông tư 02/2025/TT-BGDĐT) và nhóm 0 thiết bị, phần mềm',
  targetGroupName: 'Cán bộ, công chức, viên chức và người lao động trong cơ quan nhà nước',
  overallLevelName: 'Cơ bản 2',
  competencies,
  verifyUrl: 'http://localhost:3000/verify/BDHVS-7K3M-9QX2-H',
  issuerName: 'Nền tảng Bình dân học vụ số (mã nguồn mở)',
};

/** The page text as poppler sees it, NFC and with whitespace runs (layout columns, wraps) collapsed. */
function extractText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'certificate-pdf-'));
  try {
    const file = path.join(dir, 'certificate.pdf');
    writeFileSync(file, pdf);
    return execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('renderCertificatePdf', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await renderCertificatePdf(data);
  });

  it('makes a small one-page PDF with Be Vietnam Pro embedded', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type \/Page(?!s)/g)).toHaveLength(1);
    expect(pdf.includes('/FontFile2')).toBe(true);
    expect(pdf.includes('BeVietnamPro')).toBe(true);
    expect(pdf.length).toBeLessThan(150_000);
  });

  it('is byte-identical for the same data, so a retried job stores the same file', async () => {
    expect((await renderCertificatePdf(data)).equals(pdf)).toBe(true);
    expect((await renderCertificatePdf({ ...data, code: 'BDHVS-AAAA-BBBB-C' })).equals(pdf)).toBe(false);
  });

  it('prints every field with its Vietnamese diacritics intact', () => {
    const text = extractText(pdf);
    const expected = [
      'XÁC NHẬN HOÀN THÀNH MỨC ĐỘ PHỔ CẬP KỸ NĂNG SỐ',
      'NỀN TẢNG BÌNH DÂN HỌC VỤ SỐ (MÃ NGUỒN MỞ)',
      'Nguyễn Thị Ánh Tuyết',
      'Năm sinh: 1956',
      'Cán bộ, công chức, viên chức và người lao động trong cơ quan nhà nước',
      'Khung năng lực số (Thông tư 02/2025/TT-BGDĐT) và nhóm 0 thiết bị, phần mềm',
      'tt02-2025.1',
      'Cơ bản 2',
      'BDHVS-7K3M-9QX2-H',
      '29/11/2026',
      'Quét mã để kiểm tra tính hợp lệ',
      'http://localhost:3000/verify/BDHVS-7K3M-9QX2-H',
      ...competencies.map((c) => c.name),
    ];
    for (const phrase of expected) expect(text).toContain(phrase.normalize('NFC'));
  });

  it('dates the record on the Vietnamese calendar day and leaves out an unknown birth year', async () => {
    // 18:30 UTC on 29 November is already 01:30 on 30 November in Hà Nội.
    const text = extractText(await renderCertificatePdf({ ...data, issuedAt: new Date('2026-11-29T18:30:00Z'), birthYear: null }));
    expect(text).toContain('30/11/2026');
    expect(text).not.toContain('Năm sinh');
  });
});
