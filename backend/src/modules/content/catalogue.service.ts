import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '../../common/errors/app-exception';
import { PassageIndex } from '../assistant/retrieval/passage-index.service';
import { PassageRanker } from '../assistant/retrieval/passage-ranker';
import type { CourseDetailDto, CourseListQueryDto, CourseSummaryDto, FrameworkDto } from './dto/catalogue.dto';
import { Course } from './entities/course.entity';
import { FrameworkVersion } from './entities/framework-version.entity';
import { Lesson } from './entities/lesson.entity';
import { Quiz } from './entities/quiz.entity';

/** The public catalogue: published (not archived) courses, filtered and searched in PostgreSQL. */
@Injectable()
export class CatalogueService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passages: PassageIndex,
  ) {}

  async framework(): Promise<FrameworkDto> {
    const f = await this.currentFramework();
    return { version: f.version, title: f.title, ...f.definition } as FrameworkDto;
  }

  /**
   * Words found in a course's title, summary or lesson titles list it; when none is (people's own words,
   * "điện thoại bị đơ"), the courses whose lesson passages answer them, best first: the assistant's ranking.
   */
  async list(query: CourseListQueryDto): Promise<CourseSummaryDto[]> {
    const byTitle = await this.listMatching(query);
    if (byTitle.length > 0 || !query.q?.trim()) return byTitle;
    const hits = (await this.passages.search(query.q, 30)).filter((h, i, all) => PassageRanker.relevant(all[0]) && h.score >= all[0]!.score * 0.5);
    const slugs = [...new Set(hits.map((h) => h.courseSlug))].slice(0, 5);
    if (slugs.length === 0) return [];
    const found = await this.listMatching({ ...query, q: undefined }, slugs);
    return found.sort((a, b) => slugs.indexOf(a.slug) - slugs.indexOf(b.slug));
  }

  private async listMatching(query: CourseListQueryDto, slugs?: string[]): Promise<CourseSummaryDto[]> {
    const qb = this.dataSource
      .getRepository(Course)
      .createQueryBuilder('c')
      .addSelect((sub) => sub.select('count(*)', 'n').from(Lesson, 'l').where('l.course_id = c.id AND l.archived_at IS NULL'), 'lesson_count')
      .where('c.archived_at IS NULL')
      .orderBy('c.title', 'ASC');
    if (slugs) qb.andWhere('c.slug IN (:...slugs)', { slugs });
    if (query.targetGroup) qb.andWhere(':group = ANY(c.target_groups)', { group: query.targetGroup });
    if (query.domain) qb.andWhere(':domain = ANY(c.domain_codes)', { domain: query.domain });
    if (query.competency && query.level) {
      qb.andWhere('c.competencies @> :pair::jsonb', { pair: JSON.stringify([{ code: query.competency, level: query.level }]) });
    } else if (query.competency) qb.andWhere(':competency = ANY(c.competency_codes)', { competency: query.competency });
    else if (query.level) qb.andWhere(':level = ANY(c.levels)', { level: query.level });
    const words = (query.q ?? '').normalize('NFC').trim().split(/\s+/).filter(Boolean).slice(0, 8);
    // Every word must appear, each folded by the same SQL function that folded the course text.
    words.forEach((w, i) => qb.andWhere(`c.search_text LIKE '%' || vn_unaccent(:w${i}) || '%'`, { [`w${i}`]: w.replace(/[%_\\]/g, '') }));
    const { entities, raw } = await qb.getRawAndEntities<{ lesson_count: string }>();
    const names = await this.competencyNames();
    return entities.map((c, i) => this.summary(c, Number(raw[i]?.lesson_count ?? 0), names));
  }

  async detail(slug: string): Promise<CourseDetailDto> {
    const course = await this.dataSource.getRepository(Course).findOne({ where: { slug }, relations: { frameworkVersion: true } });
    if (!course || course.archivedAt) throw notFound('Course');
    const lessons = await this.dataSource.getRepository(Lesson).find({ where: { courseId: course.id }, order: { position: 'ASC' } });
    const live = lessons.filter((l) => !l.archivedAt);
    const quizzes = await this.dataSource.getRepository(Quiz).find({ where: { courseId: course.id }, order: { slug: 'ASC' } });
    return {
      ...this.summary(course, live.length, await this.competencyNames()),
      frameworkVersion: course.frameworkVersion?.version ?? '',
      lessons: live.map((l) => ({ slug: l.slug, title: l.title, estimatedMinutes: l.estimatedMinutes, competencies: l.competencies })),
      quizzes: quizzes.filter((q) => !q.archivedAt).map((q) => ({ slug: q.slug, title: q.title, questionCount: q.questionCount, passPercent: q.passPercent, required: q.required })),
    };
  }

  private summary(c: Course, lessonCount: number, names: Map<string, string>): CourseSummaryDto {
    return {
      slug: c.slug,
      title: c.title,
      summary: c.summary,
      targetGroups: c.targetGroups as CourseSummaryDto['targetGroups'],
      competencies: c.competencies.map((x) => ({ code: x.code, level: x.level, name: names.get(x.code) ?? x.code })),
      estimatedMinutes: c.estimatedMinutes,
      lessonCount,
      ordering: c.ordering,
    };
  }

  private async currentFramework(): Promise<FrameworkVersion> {
    const f = await this.dataSource.getRepository(FrameworkVersion).findOne({ where: { current: true } });
    if (!f) throw notFound('Framework');
    return f;
  }

  private async competencyNames(): Promise<Map<string, string>> {
    const f = await this.currentFramework();
    return new Map(f.definition.domains.flatMap((d) => d.competencies.map((c) => [c.code, c.name] as const)));
  }
}
