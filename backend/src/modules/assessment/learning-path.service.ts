import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AssessmentResult } from './assessment-scoring';

export type PathCourse = { slug: string; title: string; estimatedMinutes: number; status: 'not_enrolled' | 'active' | 'completed' | 'left' };
export type PathStep = { competency: string; score: number; level: number; minLevel: number; courses: PathCourse[] };

const COURSES_PER_COMPETENCY = 3;

/**
 * The personal learning path: each weak competency (below the profile's minimum level, or with
 * fewer than half of its questions right), weakest first, with the courses that build it, the
 * learner's own group's courses and unfinished ones first.
 */
@Injectable()
export class LearningPathService {
  constructor(private readonly dataSource: DataSource) {}

  async for(userId: string, frameworkVersionId: string, targetGroup: string, result: AssessmentResult): Promise<PathStep[]> {
    const weak = result.competencies
      .filter((c) => !c.met || (c.knowledgePercent !== null && c.knowledgePercent < 50))
      .sort((a, b) => a.score - b.score);
    if (weak.length === 0) return [];
    const rows: { slug: string; title: string; estimated_minutes: number; competency_codes: string[]; target_groups: string[]; status: PathCourse['status'] | null }[] =
      await this.dataSource.query(
        `SELECT c.slug, c.title, c.estimated_minutes, c.competency_codes, c.target_groups, e.status
           FROM courses c LEFT JOIN enrolments e ON e.course_id = c.id AND e.user_id = $1
          WHERE c.framework_version_id = $2 AND c.archived_at IS NULL AND c.competency_codes && $3::text[]`,
        [userId, frameworkVersionId, weak.map((c) => c.code)],
      );
    const rank = (r: (typeof rows)[number]) => (r.target_groups.includes(targetGroup) ? 0 : 2) + (r.status === 'completed' ? 1 : 0);
    return weak.map((c) => ({
      competency: c.code, score: c.score, level: c.level, minLevel: c.minLevel,
      courses: rows
        .filter((r) => r.competency_codes.includes(c.code))
        .sort((a, b) => rank(a) - rank(b) || a.estimated_minutes - b.estimated_minutes)
        .slice(0, COURSES_PER_COMPETENCY)
        .map((r) => ({ slug: r.slug, title: r.title, estimatedMinutes: r.estimated_minutes, status: r.status ?? 'not_enrolled' })),
    }));
  }
}
