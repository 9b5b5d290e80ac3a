import { strToU8, zipSync } from 'fflate';

/** A titled table: the header row, then rows of text or numbers (null = empty, e.g. a suppressed count). */
export type Table = { title: string; header: string[]; rows: (string | number | null)[][] };

/**
 * CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads Vietnamese as Windows-1252),
 * CRLF line ends, every field quoted. Several tables follow one another, each under its title.
 */
export function toCsv(tables: Table[]): Buffer {
  const field = (v: string | number | null) => `"${v === null ? '' : String(v).replace(/"/g, '""')}"`;
  const lines: string[] = [];
  for (const [i, t] of tables.entries()) {
    if (tables.length > 1) lines.push(...(i > 0 ? [''] : []), field(t.title));
    lines.push(t.header.map(field).join(','), ...t.rows.map((r) => r.map(field).join(',')));
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}

/** XML 1.0 forbids most control characters even escaped: they are dropped. */
const dropControls = (s: string) => [...s].filter((ch) => { const c = ch.charCodeAt(0); return c >= 0x20 || c === 0x09 || c === 0x0a || c === 0x0d; }).join('');
const xml = (s: string) => dropControls(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const column = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : column(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));
/** Sheet names: at most 31 characters, none of []:*?/\ . */
const sheetName = (s: string, i: number) => xml(s.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || `Sheet ${i + 1}`);

/**
 * An Office Open XML workbook (.xlsx), one sheet per table, the header row bold: the few parts a
 * spreadsheet needs, zipped. Strings are inline (UTF-8), numbers are numbers.
 */
export function toXlsx(tables: Table[]): Buffer {
  const sheet = (t: Table) => {
    const row = (cells: (string | number | null)[], r: number, style = '') =>
      `<row r="${r}">${cells
        .map((v, c) => {
          const ref = `${column(c)}${r}`;
          if (v === null) return `<c r="${ref}"${style}/>`;
          if (typeof v === 'number') return `<c r="${ref}"${style}><v>${v}</v></c>`;
          return `<c r="${ref}" t="inlineStr"${style}><is><t xml:space="preserve">${xml(v)}</t></is></c>`;
        })
        .join('')}</row>`;
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${row(t.header, 1, ' s="1"')}${t.rows.map((r, i) => row(r, i + 2)).join('')}</sheetData></worksheet>`;
  };
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${tables.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${tables.map((t, i) => `<sheet name="${sheetName(t.title, i)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${tables.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${tables.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`),
    'xl/styles.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf fontId="0"/><xf fontId="1" applyFont="1"/></cellXfs></styleSheet>`),
  };
  tables.forEach((t, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheet(t))));
  return Buffer.from(zipSync(files, { level: 6 }));
}
