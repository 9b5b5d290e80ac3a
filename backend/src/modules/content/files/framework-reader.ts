import { z } from 'zod';
import type { FrameworkDraft } from './content-model';
import type { ContentTree } from './content-tree';
import { ProblemSink } from './problems';
import { check } from './schemas';
import { YamlSource } from './yaml-source';

const frameworkSchema = z.object({
  version: z.string().regex(/^[a-z0-9.-]+$/),
  title: z.string().min(1),
  source: z.string().min(1),
  levels: z.array(z.object({ level: z.number().int().min(1).max(8), code: z.string(), tier: z.string(), name: z.string() }).strict()).length(8),
  domains: z.array(
    z.object({
      code: z.string().regex(/^\d$/),
      name: z.string().min(1),
      nameEn: z.string().min(1),
      optional: z.boolean().default(false),
      competencies: z.array(z.object({ code: z.string().regex(/^\d\.\d$/), name: z.string().min(1), nameEn: z.string().min(1) }).strict()).min(1),
    }).strict(),
  ),
}).strict();

const groupsSchema = z.object({
  targetGroups: z.array(z.object({ code: z.string(), order: z.number().int(), name: z.string(), nameEn: z.string() }).strict()).min(1),
}).strict();

const profilesSchema = z.object({
  frameworkVersion: z.string(),
  status: z.string(),
  profiles: z.record(z.string(), z.array(z.object({ competency: z.string(), minLevel: z.number().int().min(1).max(8) }).strict())),
}).strict();

const score = z.number().int().min(0).max(100);
export const policySchema = z.object({
  requiredCourses: z.array(z.string().regex(/^[a-z0-9-]+$/)).default([]),
  minOverallScore: score,
  minDomainScore: score,
  requireProfileLevels: z.boolean().default(false),
  questionsPerCompetency: z.number().int().min(0).max(10),
  selfRatingWeight: score,
  maxAttempts: z.number().int().min(1).nullable().default(null),
  cooldownHours: z.number().int().min(0).max(24 * 365).default(0),
  timeLimitMinutes: z.number().int().min(1).max(600).nullable().default(null),
}).strict();

const policiesSchema = z.object({
  frameworkVersion: z.string(),
  status: z.string(),
  policies: z.record(z.string(), policySchema),
}).strict();

function load<T>(tree: ContentTree, name: string, schema: z.ZodType<T>, sink: ProblemSink[], optional = false): { data: T; source: YamlSource; file: string } | null {
  const file = `framework/${name}`;
  const s = new ProblemSink(file);
  sink.push(s);
  if (!tree.has(file)) {
    if (!optional) s.add(1, 'missing file');
    return null;
  }
  const text = tree.text(file, s);
  if (text === null) return null;
  const source = YamlSource.parse(text, s);
  const data = source && check(schema, source.value, source, s);
  return source && data ? { data, source, file } : null;
}

/** Reads content/framework/*.yaml and checks that the profiles point at real competencies and groups. */
export function readFramework(tree: ContentTree): { framework: FrameworkDraft | null; sinks: ProblemSink[] } {
  const sinks: ProblemSink[] = [];
  const fw = load(tree, 'framework.yaml', frameworkSchema, sinks);
  const groups = load(tree, 'target-groups.yaml', groupsSchema, sinks);
  const profiles = load(tree, 'profiles.yaml', profilesSchema, sinks);
  const policies = load(tree, 'certification-policies.yaml', policiesSchema, sinks, true);
  if (!fw || !groups || !profiles) return { framework: null, sinks };
  const sink = sinks[2]!;
  const codes = new Set(fw.data.domains.flatMap((d) => d.competencies.map((c) => c.code)));
  const groupCodes = new Set(groups.data.targetGroups.map((g) => g.code));
  if (profiles.data.frameworkVersion !== fw.data.version) {
    sink.add(profiles.source.lineOf(['frameworkVersion']), `frameworkVersion ${profiles.data.frameworkVersion} is not ${fw.data.version}`);
  }
  for (const [group, items] of Object.entries(profiles.data.profiles)) {
    if (!groupCodes.has(group)) sink.add(profiles.source.lineOf(['profiles', group]), `unknown target group ${group}`);
    items.forEach((item, i) => {
      if (!codes.has(item.competency)) sink.add(profiles.source.lineOf(['profiles', group, i]), `unknown competency ${item.competency}`);
    });
  }
  if (policies) {
    const policySink = sinks[3]!;
    if (policies.data.frameworkVersion !== fw.data.version) {
      policySink.add(policies.source.lineOf(['frameworkVersion']), `frameworkVersion ${policies.data.frameworkVersion} is not ${fw.data.version}`);
    }
    for (const group of Object.keys(policies.data.policies)) {
      if (!groupCodes.has(group)) policySink.add(policies.source.lineOf(['policies', group]), `unknown target group ${group}`);
    }
  }
  return {
    framework: {
      ...fw.data, targetGroups: groups.data.targetGroups, profiles: profiles.data.profiles, profilesStatus: profiles.data.status,
      policies: policies?.data.policies ?? {},
    },
    sinks,
  };
}
