import { parse } from 'csv-parse/sync';

export type UnitRow = {
  code: string;
  name: string;
  fullName: string;
  type: string;
  /** For communes: the province's code in the same list. */
  provinceCode?: string;
  /** Optional column: the code this unit had in the previous list, for lists that renumber units. */
  previousCode?: string;
};

export class UnitsCsvError extends Error {}

const REQUIRED = { province: ['code', 'name', 'fullName', 'type'], commune: ['code', 'name', 'fullName', 'type', 'provinceCode'] };

/** Parses a provinces or wards CSV (`code,name,fullName,slug,type[,provinceCode][,previousCode]`). */
export function parseUnitsCsv(text: string, level: 'province' | 'commune', fileName: string): UnitRow[] {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (err) {
    throw new UnitsCsvError(`${fileName}: ${(err as Error).message}`);
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  const rows = records.map((r, i) => {
    const line = i + 2;
    for (const column of REQUIRED[level]) {
      if (!r[column]) problems.push(`${fileName}:${line}: missing ${column}`);
    }
    const code = r.code ?? '';
    if (seen.has(code)) problems.push(`${fileName}:${line}: duplicate code ${code}`);
    seen.add(code);
    return {
      code,
      name: r.name ?? '',
      fullName: r.fullName ?? '',
      type: r.type ?? '',
      provinceCode: r.provinceCode || undefined,
      previousCode: r.previousCode || undefined,
    };
  });
  if (problems.length > 0) throw new UnitsCsvError(problems.join('\n'));
  return rows;
}
