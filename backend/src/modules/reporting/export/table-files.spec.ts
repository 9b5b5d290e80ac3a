import { strFromU8, unzipSync } from 'fflate';
import { toCsv, toXlsx } from './table-files';

const table = { title: 'Đơn vị', header: ['Đơn vị', 'Đã đăng ký', 'Tỷ lệ'], rows: [['Phường Ba Đình', 12, 50.5], ['Xã "Mới" <1>', null, 0]] as (string | number | null)[][] };

describe('table files', () => {
  it('writes CSV that Excel opens with its diacritics: BOM, CRLF, quoted fields', () => {
    const csv = toCsv([table]);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.subarray(3).toString('utf8')).toBe('"Đơn vị","Đã đăng ký","Tỷ lệ"\r\n"Phường Ba Đình","12","50.5"\r\n"Xã ""Mới"" <1>","","0"\r\n');
  });
  it('writes an xlsx package: a sheet per table, inline UTF-8 strings, numbers as numbers, escaped XML', () => {
    const files = unzipSync(new Uint8Array(toXlsx([table, { ...table, title: 'Theo tháng' }])));
    expect(Object.keys(files).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']);
    expect(strFromU8(files['xl/workbook.xml']!)).toContain('<sheet name="Đơn vị" sheetId="1" r:id="rId1"/>');
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('<c r="A2" t="inlineStr"><is><t xml:space="preserve">Phường Ba Đình</t></is></c><c r="B2"><v>12</v></c><c r="C2"><v>50.5</v></c>');
    expect(sheet).toContain('Xã &quot;Mới&quot; &lt;1&gt;');
    expect(sheet).toContain('<c r="B3"/>');
  });
  it('writes a person list of 250,000 rows (building it as one spread of every line overflowed the stack past about 200,000)', () => {
    const rows = Array.from({ length: 250_000 }, (_, i) => [`Người ${i}`, i] as (string | number | null)[]);
    const csv = toCsv([{ title: 'Người học', header: ['Họ và tên', 'Số'], rows }]).toString('utf8');
    expect(csv.split('\r\n')).toHaveLength(250_002);
    expect(csv.endsWith('"Người 249999","249999"\r\n')).toBe(true);
  });
});
