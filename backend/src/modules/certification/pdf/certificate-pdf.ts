import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/**
 * The printable completion record: one A4 page, Be Vietnam Pro embedded (standard PDF fonts cannot show
 * "ễ", "ự"…), a vector QR code to the public verification page, and byte-identical output for the same data
 * so that a retried job stores the same file.
 */
export type CertificateData = {
  code: string;
  holderName: string;
  birthYear: number | null;
  /** The identity provider that had verified the holder (e.g. VNeID), or null. */
  identityVerifiedBy: string | null;
  issuedAt: Date;
  frameworkVersion: string;
  frameworkTitle: string;
  targetGroupName: string;
  overallLevelName: string;
  competencies: { code: string; name: string; levelName: string }[];
  verifyUrl: string;
  issuerName: string;
};

type Doc = PDFKit.PDFDocument;
type Font = 'regular' | 'semibold' | 'bold';

const TITLE = 'XÁC NHẬN HOÀN THÀNH MỨC ĐỘ PHỔ CẬP KỸ NĂNG SỐ';

const FONT_FILES: Record<Font, string> = {
  regular: require.resolve('@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf'),
  semibold: require.resolve('@expo-google-fonts/be-vietnam-pro/600SemiBold/BeVietnamPro_600SemiBold.ttf'),
  bold: require.resolve('@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf'),
};

const COLOR = {
  ink: '#1f2328',
  muted: '#57606a',
  accent: '#8b1e1e',
  gold: '#b08a3e',
  paper: '#fffdf7',
  headerFill: '#f3eadb',
  stripe: '#faf5ec',
  rule: '#ddd3c2',
};

// A4 portrait in points; the content column sits well inside the double border.
const PAGE = { width: 595.28, height: 841.89 };
const LEFT = 62;
const WIDTH = PAGE.width - 2 * LEFT;
const TOP = 52;
const BOTTOM = PAGE.height - 44;

const QR = { size: 84, quietModules: 4 };
const QR_COLUMN = 270;
const BODY_SIZE = 12;

export async function renderCertificatePdf(data: CertificateData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0, // everything is placed explicitly; a margin would only let pdfkit open a second page
    font: FONT_FILES.regular, // avoids loading the standard Helvetica
    lang: 'vi-VN',
    displayTitle: true,
    info: {
      // pdfkit's trailer /ID is an MD5 of this dictionary (not random), so with the dates fixed to issuedAt
      // the same record always gives the same bytes, and the unique code in the title keeps IDs distinct.
      Title: `Xác nhận hoàn thành mức độ phổ cập kỹ năng số – ${data.code}`,
      Author: data.issuerName,
      CreationDate: data.issuedAt,
      ModDate: data.issuedAt,
    },
  });
  for (const [name, file] of Object.entries(FONT_FILES)) doc.registerFont(name, file);
  const output = collect(doc);
  drawPage(doc, data);
  doc.end();
  return output;
}

function collect(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function drawPage(doc: Doc, data: CertificateData): void {
  drawFrame(doc);
  let y = drawHeading(doc, data, TOP);
  y = drawSummary(doc, data, y + 12);
  const footerTop = drawFooter(doc, data);
  const closingTop = footerTop - 12 - closingHeight();
  drawClosing(doc, data, closingTop);
  drawCompetencies(doc, data.competencies, y + 12, closingTop - 12);
}

function drawFrame(doc: Doc): void {
  doc.rect(0, 0, PAGE.width, PAGE.height).fill(COLOR.paper);
  doc.lineWidth(2.5).rect(22, 22, PAGE.width - 44, PAGE.height - 44).stroke(COLOR.accent);
  doc.lineWidth(0.8).rect(29, 29, PAGE.width - 58, PAGE.height - 58).stroke(COLOR.gold);
  for (const [x, y] of [[29, 29], [PAGE.width - 29, 29], [29, PAGE.height - 29], [PAGE.width - 29, PAGE.height - 29]] as const) {
    diamond(doc, x, y, 5);
  }
}

/** The sentence every form of the record uses for a holder whose identity a provider verified. */
export const identityLine = (provider: string) => `Danh tính đã được xác thực qua ${provider}`;

function diamond(doc: Doc, x: number, y: number, r: number): void {
  doc.polygon([x, y - r], [x + r, y], [x, y + r], [x - r, y]).fill(COLOR.gold);
}

/** Issuer, title, "Chứng nhận", the holder's name and birth year; returns the y below them. */
function drawHeading(doc: Doc, data: CertificateData, top: number): number {
  let y = top;
  y += line(doc, data.issuerName.toLocaleUpperCase('vi'), y, { font: 'semibold', size: 11, color: COLOR.accent, characterSpacing: 0.6 });
  y += 7;
  doc.lineWidth(0.8).moveTo(PAGE.width / 2 - 60, y).lineTo(PAGE.width / 2 + 60, y).stroke(COLOR.gold);
  diamond(doc, PAGE.width / 2, y, 3.5);
  y += 12;
  y += line(doc, TITLE, y, { font: 'bold', size: 20, minSize: 15, color: COLOR.accent });
  y += 12;
  y += line(doc, 'Chứng nhận', y, { font: 'regular', size: 13, color: COLOR.muted });
  y += 4;
  y += line(doc, data.holderName, y, { font: 'bold', size: 28, minSize: 18, color: COLOR.ink });
  if (data.birthYear !== null) {
    y += 2;
    y += line(doc, `Năm sinh: ${data.birthYear}`, y, { font: 'regular', size: BODY_SIZE, color: COLOR.ink });
  }
  if (data.identityVerifiedBy) {
    y += 2;
    y += line(doc, identityLine(data.identityVerifiedBy), y, { font: 'semibold', size: BODY_SIZE, color: COLOR.accent });
  }
  return y;
}

/** What was completed: target group, framework and the overall level, as label/value rows. */
function drawSummary(doc: Doc, data: CertificateData, top: number): number {
  let y = top;
  y += line(doc, 'đã hoàn thành mức độ phổ cập kỹ năng số với kết quả như sau:', y, { font: 'regular', size: BODY_SIZE, color: COLOR.ink });
  y += 8;
  const rows: [string, string, Font, string][] = [
    ['Nhóm đối tượng', data.targetGroupName, 'semibold', COLOR.ink],
    ['Khung năng lực', data.frameworkTitle, 'semibold', COLOR.ink],
    ['Phiên bản khung', data.frameworkVersion, 'semibold', COLOR.ink],
    ['Mức độ đạt được', data.overallLevelName, 'bold', COLOR.accent],
  ];
  for (const [label, value, font, color] of rows) y += labelledRow(doc, label, value, y, font, color) + 4;
  return y - 4;
}

function labelledRow(doc: Doc, label: string, value: string, y: number, font: Font, color: string): number {
  const indent = 16;
  const labelWidth = 120;
  const valueX = LEFT + indent + labelWidth + 10;
  const valueWidth = LEFT + WIDTH - indent - valueX;
  doc.font('regular').fontSize(BODY_SIZE).fillColor(COLOR.muted);
  doc.text(`${label}:`, LEFT + indent, y, { width: labelWidth, align: 'right' });
  doc.font(font).fontSize(BODY_SIZE).fillColor(color);
  const height = doc.heightOfString(value, { width: valueWidth });
  doc.text(value, valueX, y, { width: valueWidth });
  return height;
}

type Row = [code: string, name: string, level: string];
type Columns = [code: number, name: number, level: number];
type TableFit = { size: number; maxRowHeight: number };

const TABLE_HEADER: Row = ['Mã', 'Năng lực thành phần đã đạt', 'Mức đạt'];
const COLUMNS: Columns = [48, WIDTH - 48 - 110, 110];
const CELL_INSET = 7;
// Preferred sizes first; below 10 pt only when names are unusually long, to keep everything on one page.
const TABLE_SIZES = [12, 11.5, 11, 10.5, 10, 9.5, 9, 8.5, 8];

/** The competencies table at the largest size that fits between top and bottom, a little above centre. */
function drawCompetencies(doc: Doc, competencies: CertificateData['competencies'], top: number, bottom: number): void {
  const rows = competencies.map((c): Row => [c.code, c.name, c.levelName]);
  const fit = fitTable(doc, rows, bottom - top);
  let y = top + (bottom - top - tableHeight(doc, rows, fit)) * 0.4;
  y += tableRow(doc, TABLE_HEADER, y, fit, 'header');
  rows.forEach((row, index) => (y += tableRow(doc, row, y, fit, index % 2 === 1 ? 'stripe' : 'plain')));
  doc.lineWidth(1).moveTo(LEFT, y).lineTo(LEFT + WIDTH, y).stroke(COLOR.accent);
}

function fitTable(doc: Doc, rows: Row[], available: number): TableFit {
  for (const size of TABLE_SIZES) {
    const fit = { size, maxRowHeight: Infinity };
    if (tableHeight(doc, rows, fit) <= available) return fit;
  }
  // Last resort: cut the longest names short (with an ellipsis) rather than spill onto a second page.
  const size = TABLE_SIZES[TABLE_SIZES.length - 1] ?? 8;
  const header = rowHeight(doc, TABLE_HEADER, { size, maxRowHeight: Infinity }, 'semibold');
  return { size, maxRowHeight: (available - header) / Math.max(rows.length, 1) };
}

function tableHeight(doc: Doc, rows: Row[], fit: TableFit): number {
  const header = rowHeight(doc, TABLE_HEADER, { ...fit, maxRowHeight: Infinity }, 'semibold');
  return rows.reduce((sum, row) => sum + rowHeight(doc, row, fit, 'regular'), header);
}

function padding(size: number): number {
  return size * 0.28;
}

function rowHeight(doc: Doc, row: Row, fit: TableFit, font: Font): number {
  doc.font(font).fontSize(fit.size);
  const text = Math.max(...row.map((cell, i) => doc.heightOfString(cell, { width: cellWidth(i) })));
  return Math.min(text + 2 * padding(fit.size), fit.maxRowHeight);
}

function cellWidth(column: number): number {
  return (COLUMNS[column] ?? 0) - 2 * CELL_INSET;
}

function tableRow(doc: Doc, row: Row, y: number, fit: TableFit, kind: 'header' | 'stripe' | 'plain'): number {
  const header = kind === 'header';
  const height = rowHeight(doc, row, header ? { ...fit, maxRowHeight: Infinity } : fit, header ? 'semibold' : 'regular');
  if (kind !== 'plain') doc.rect(LEFT, y, WIDTH, height).fill(header ? COLOR.headerFill : COLOR.stripe);
  doc.lineWidth(header ? 1 : 0.5).moveTo(LEFT, y).lineTo(LEFT + WIDTH, y).stroke(header ? COLOR.accent : COLOR.rule);
  let x = LEFT;
  row.forEach((cell, i) => {
    // The level reached is what the reader looks for, so it is set in semibold.
    doc.font(header || i === 2 ? 'semibold' : 'regular').fontSize(fit.size).fillColor(header ? COLOR.accent : COLOR.ink);
    const pad = padding(fit.size);
    const clip = header || fit.maxRowHeight === Infinity ? {} : { height: height - 2 * pad, ellipsis: true };
    doc.text(cell, x + CELL_INSET, y + pad, { width: cellWidth(i), ...clip });
    x += COLUMNS[i] ?? 0;
  });
  return height;
}

function closingHeight(): number {
  return QR.size + 30;
}

/** Date and code on the left, the QR code with its caption and URL on the right (wide enough for the URL). */
function drawClosing(doc: Doc, data: CertificateData, top: number): void {
  const right = { x: LEFT + WIDTH - QR_COLUMN, width: QR_COLUMN };
  let y = top + 4;
  y += labelledValue(doc, 'Ngày cấp', formatDate(data.issuedAt), y, { font: 'semibold', size: 14 });
  y += 10;
  labelledValue(doc, 'Mã xác nhận', data.code, y, { font: 'bold', size: 16, minSize: 12, characterSpacing: 1.2 });

  drawQr(doc, data.verifyUrl, right.x + (right.width - QR.size) / 2, top, QR.size);
  let captionY = top + QR.size + 4;
  captionY += line(doc, 'Quét mã để kiểm tra tính hợp lệ', captionY, { font: 'semibold', size: 10, color: COLOR.ink, ...right });
  line(doc, data.verifyUrl, captionY + 1, { font: 'regular', size: 10, minSize: 8, color: COLOR.ink, ...right });
}

function labelledValue(doc: Doc, label: string, value: string, y: number, style: { font: Font; size: number; minSize?: number; characterSpacing?: number }): number {
  const width = WIDTH - QR_COLUMN;
  let height = line(doc, label, y, { font: 'regular', size: 11, color: COLOR.muted, x: LEFT, width, align: 'left' });
  height += line(doc, value, y + height, { ...style, color: COLOR.ink, x: LEFT, width, align: 'left' });
  return height;
}

/** The footer sentence, bottom-aligned inside the frame; returns its top. */
function drawFooter(doc: Doc, data: CertificateData): number {
  const text =
    `Xác nhận này được cấp trên cơ sở kết quả tự đánh giá và các khóa học đã hoàn thành trên nền tảng. ` +
    `Có thể kiểm tra tính hợp lệ tại ${data.verifyUrl}`;
  doc.font('regular').fontSize(10);
  const top = BOTTOM - doc.heightOfString(text, { width: WIDTH, align: 'center' });
  doc.lineWidth(0.6).moveTo(LEFT + 40, top - 8).lineTo(LEFT + WIDTH - 40, top - 8).stroke(COLOR.gold);
  doc.fillColor(COLOR.muted).text(text, LEFT, top, { width: WIDTH, align: 'center' });
  return top - 8;
}

/** The QR code as filled vector squares (one path, so viewers show no seams), quiet zone included. */
function drawQr(doc: Doc, url: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const cell = size / (modules.size + 2 * QR.quietModules);
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      // Runs of dark modules become one rectangle: fewer path operators, smaller file.
      const start = col;
      while (col + 1 < modules.size && modules.get(row, col + 1)) col++;
      doc.rect(x + (QR.quietModules + start) * cell, y + (QR.quietModules + row) * cell, (col - start + 1) * cell, cell);
    }
  }
  doc.fill('#000000');
}

type LineStyle = {
  font: Font;
  size: number;
  color: string;
  minSize?: number;
  characterSpacing?: number;
  x?: number;
  width?: number;
  align?: 'left' | 'center';
};

/**
 * Draws text (centred on the content column unless told otherwise), first shrinking it towards minSize so it
 * stays on one line, then wrapping if even that is too wide; returns the height used.
 */
function line(doc: Doc, text: string, y: number, style: LineStyle): number {
  const width = style.width ?? WIDTH;
  const options = { width, align: style.align ?? 'center', characterSpacing: style.characterSpacing ?? 0 };
  doc.font(style.font).fontSize(fitSize(doc, text, width, style));
  const height = doc.heightOfString(text, options);
  doc.fillColor(style.color).text(text, style.x ?? LEFT, y, options);
  return height;
}

function fitSize(doc: Doc, text: string, width: number, style: LineStyle): number {
  const min = style.minSize ?? style.size;
  let size = style.size;
  doc.font(style.font);
  while (size > min && doc.fontSize(size).widthOfString(text, { characterSpacing: style.characterSpacing ?? 0 }) > width) size -= 0.5;
  return size;
}

const vietnamDate = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });

/** dd/mm/yyyy on the Vietnamese calendar day, whatever the server's time zone. */
function formatDate(date: Date): string {
  return vietnamDate.format(date);
}
