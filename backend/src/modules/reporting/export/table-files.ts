import { strToU8, Zip, ZipDeflate } from 'fflate';

/** A titled table: the header row, then rows of text or numbers (null = empty, e.g. a suppressed count). */
export type Table = { title: string; header: string[]; rows: (string | number | null)[][] };

/** XML 1.0 forbids most control characters even escaped: they are dropped. */
// eslint-disable-next-line no-control-regex
const dropControls = (s: string) => s.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, '');
const xml = (s: string) => dropControls(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const column = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : column(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));
/** Sheet names: at most 31 characters, none of []:*?/\ . */
const sheetName = (s: string, i: number) => xml(s.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || `Sheet ${i + 1}`);

type Cell = string | number | null;

/** A file written a table at a time and rows at a time, so a long person list is never held whole as rows or text. */
export interface TableWriter {
  table(title: string, header: string[]): void;
  rows(rows: Cell[][]): void;
  finish(): Buffer;
}

/**
 * CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads Vietnamese as Windows-1252),
 * CRLF line ends, every field quoted. Several tables follow one another, each under its title.
 */
export function csvWriter(titled: boolean): TableWriter {
  const field = (v: Cell) => `"${v === null ? '' : String(v).replace(/"/g, '""')}"`;
  const line = (cells: Cell[]) => `${cells.map(field).join(',')}\r\n`;
  const parts: Buffer[] = [Buffer.from([0xef, 0xbb, 0xbf])];
  return {
    table(title, header) {
      parts.push(Buffer.from(`${titled ? `${parts.length > 1 ? '\r\n' : ''}${line([title])}` : ''}${line(header)}`, 'utf8'));
    },
    // One buffer per batch of rows (never one string of the whole file, nor a spread of every row).
    rows(rows) {
      let text = '';
      for (const r of rows) text += line(r);
      parts.push(Buffer.from(text, 'utf8'));
    },
    finish: () => Buffer.concat(parts),
  };
}

/**
 * An Office Open XML workbook (.xlsx), one sheet per table, the header row bold: the few parts a
 * spreadsheet needs, zipped as the rows come. Strings are inline (UTF-8), numbers are numbers.
 */
export function xlsxWriter(): TableWriter {
  const out: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    out.push(data);
  });
  const titles: string[] = [];
  let sheet: ZipDeflate | null = null;
  let next = 1;
  const row = (cells: Cell[], r: number, style = '') => {
    let x = `<row r="${r}">`;
    cells.forEach((v, c) => {
      const ref = `${column(c)}${r}`;
      if (v === null) x += `<c r="${ref}"${style}/>`;
      else if (typeof v === 'number') x += `<c r="${ref}"${style}><v>${v}</v></c>`;
      else x += `<c r="${ref}" t="inlineStr"${style}><is><t xml:space="preserve">${xml(v)}</t></is></c>`;
    });
    return `${x}</row>`;
  };
  const add = (name: string, text: string) => {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(strToU8(text), true);
  };
  const endSheet = () => sheet?.push(strToU8('</sheetData></worksheet>'), true);
  return {
    table(title, header) {
      endSheet();
      titles.push(title);
      sheet = new ZipDeflate(`xl/worksheets/sheet${titles.length}.xml`, { level: 6 });
      zip.add(sheet);
      sheet.push(strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${row(header, 1, ' s="1"')}`));
      next = 2;
    },
    rows(rows) {
      let x = '';
      for (const r of rows) x += row(r, next++);
      sheet!.push(strToU8(x));
    },
    finish() {
      endSheet();
      add('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${titles.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`);
      add('_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
      add('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${titles.map((t, i) => `<sheet name="${sheetName(t, i)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`);
      add('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${titles.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${titles.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`);
      add('xl/styles.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf fontId="0"/><xf fontId="1" applyFont="1"/></cellXfs></styleSheet>`);
      zip.end();
      return Buffer.concat(out);
    },
  };
}

/** Whole tables at once (the dashboard's few tables). */
export function writeTables(format: 'xlsx' | 'csv', tables: Table[]): Buffer {
  const w = format === 'xlsx' ? xlsxWriter() : csvWriter(tables.length > 1);
  for (const t of tables) {
    w.table(t.title, t.header);
    w.rows(t.rows);
  }
  return w.finish();
}

export const toCsv = (tables: Table[]): Buffer => writeTables('csv', tables);
export const toXlsx = (tables: Table[]): Buffer => writeTables('xlsx', tables);
