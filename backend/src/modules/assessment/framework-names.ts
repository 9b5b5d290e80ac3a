import type { FrameworkVersion } from '../content/entities/framework-version.entity';

/** Names from a framework version's own definition, so results and records speak its words. */
export class FrameworkNames {
  private readonly competencies = new Map<string, { name: string; domainCode: string }>();
  private readonly domains = new Map<string, string>();
  private readonly levels = new Map<number, string>();
  private readonly groups = new Map<string, string>();

  constructor(readonly version: FrameworkVersion) {
    for (const d of version.definition.domains) {
      this.domains.set(d.code, d.name);
      for (const c of d.competencies) this.competencies.set(c.code, { name: c.name, domainCode: d.code });
    }
    for (const l of version.definition.levels) this.levels.set(l.level, l.name);
    for (const g of version.definition.targetGroups) this.groups.set(g.code, g.name);
  }

  competency(code: string): string {
    return this.competencies.get(code)?.name ?? code;
  }
  domainOf(code: string): string {
    return this.competencies.get(code)?.domainCode ?? code.split('.')[0]!;
  }
  domain(code: string): string {
    return this.domains.get(code) ?? code;
  }
  /** Level 0 is "not yet at level 1". */
  level(level: number): string {
    return this.levels.get(level) ?? 'Chưa đạt bậc 1';
  }
  targetGroup(code: string): string {
    return this.groups.get(code) ?? code;
  }
}
