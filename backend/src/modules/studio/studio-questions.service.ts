import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { fieldError, notFound } from '../../common/errors/app-exception';
import type { Principal } from '../auth/decorators';
import { ContentChecksService } from '../content/content-checks.service';
import type { QuestionPayload } from '../content/entities/question.entity';
import type { ChoiceOption, QuestionDefaults, QuestionDraft } from '../content/files/content-model';
import { idFromText } from '../content/files/gift-parser';
import { writeGiftBank } from '../content/files/gift-writer';
import type { Problem } from '../content/files/problems';
import type { GiftImportDto, GiftImportResultDto, SaveStudioQuestionDto, StudioProblemDto, StudioQuestionDto } from './dto/studio.dto';
import { StudioQuestion } from './entities/studio-content.entity';
import type { StudioCourse } from './entities/studio-course.entity';
import { StudioAccessService } from './studio-access.service';
import { canonical, isGiftBank, questionDraftOf, STUDIO_LIMITS, writeBank } from './studio-folder';
import { StudioErrors } from './studio.errors';
import { questionDto } from './studio.mappers';

const MAX_QUESTIONS = 1000;
const DEFAULT_BANK = 'cau-hoi.yaml';
const PAYLOAD = ['options', 'accepted', 'answers', 'numbers', 'pairs', 'feedback', 'grading'] as const;

const payloadOf = (q: QuestionDraft): QuestionPayload =>
  Object.fromEntries(PAYLOAD.filter((k) => q[k] !== undefined).map((k) => [k, q[k]])) as QuestionPayload;

const problemOf = (bank: string, questionId: string | null) => (p: Problem): StudioProblemDto => ({
  file: `questions/${bank}`, line: p.line, message: p.message, warning: p.warning === true, entity: 'question', entityId: questionId, field: null, bodyLine: null,
});

/** The competency and level of pasted GIFT questions that name neither: the course's defaults, or its only competency. */
export const defaultsOf = (c: StudioCourse): QuestionDefaults =>
  c.questionDefaults ?? (c.competencies.length === 1 ? { competency: c.competencies[0]!.code, level: c.competencies[0]!.level } : {});

/**
 * The question bank of a draft. Every question is written in its bank's format and read back by the
 * platform's own readers (YAML or GIFT) before it is kept, so what is stored is exactly what the
 * files would say; a question its format cannot hold exactly (GIFT weights in a YAML bank, an
 * ordering question in GIFT) is refused with the reason.
 */
@Injectable()
export class StudioQuestionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: StudioAccessService,
    private readonly checks: ContentChecksService,
  ) {}

  async list(p: Principal, id: string): Promise<StudioQuestionDto[]> {
    await this.access.open(p, id);
    return (await this.dataSource.getRepository(StudioQuestion).find({ where: { courseId: id }, order: { position: 'ASC' } })).map(questionDto);
  }

  async create(p: Principal, id: string, dto: SaveStudioQuestionDto): Promise<StudioQuestionDto> {
    return this.dataSource.transaction(async (em) => {
      await this.access.open(p, id, 'edit', em);
      const bank = dto.bank ?? DEFAULT_BANK;
      const externalId = dto.externalId ?? idFromText(dto.prompt);
      const read = this.read(bank, intended(dto, externalId), null);
      const repo = em.getRepository(StudioQuestion);
      if (await repo.existsBy({ courseId: id, externalId })) throw StudioErrors.taken('externalId', `externalId ${externalId} is already a question of this course`);
      await this.room(em, id, 1);
      const saved = await repo.save(repo.create({ courseId: id, bank, position: await this.nextPosition(em, id), ...columnsOf(read) }));
      await this.access.edited(em, id);
      return questionDto(saved);
    });
  }

  /** Like a lesson: the same question again changes nothing; a different one made from an older version is a 409 with both. */
  async update(p: Principal, id: string, questionId: string, dto: SaveStudioQuestionDto): Promise<StudioQuestionDto> {
    return this.dataSource.transaction(async (em) => {
      await this.access.open(p, id, 'edit', em);
      const current = await this.find(em, id, questionId);
      if (current.archivedAt) throw StudioErrors.archived();
      if (dto.externalId !== undefined && dto.externalId !== current.externalId) {
        throw fieldError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'externalId', 'externalId is the question’s stable id and cannot change');
      }
      const bank = dto.bank ?? current.bank;
      const read = this.read(bank, intended(dto, current.externalId), current.id);
      const next = { bank, ...columnsOf(read) };
      const now = { bank: current.bank, ...columnsOf(questionDraftOf(current)) };
      if (canonical(next) === canonical(now)) return questionDto(current);
      if (dto.version !== current.version) throw StudioErrors.editConflict({ ...next, version: dto.version ?? null }, questionDto(current));
      const updated = await em.createQueryBuilder().update(StudioQuestion).set({ ...next, version: () => 'version + 1' })
        .where('id = :questionId AND version = :version', { questionId, version: current.version }).execute();
      if (updated.affected !== 1) throw StudioErrors.editConflict({ ...next, version: dto.version }, questionDto(await this.find(em, id, questionId)));
      await this.access.edited(em, id);
      return questionDto(await this.find(em, id, questionId));
    });
  }

  /** A question learners may have answered is archived (its id stays taken); one never published is deleted. */
  async remove(p: Principal, id: string, questionId: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const { course } = await this.access.open(p, id, 'edit', em);
      const question = await this.find(em, id, questionId);
      if (question.archivedAt) return;
      const published = course.publishedCourseId
        ? ((await em.query('SELECT 1 FROM questions WHERE course_id = $1 AND external_id = $2', [course.publishedCourseId, question.externalId])) as unknown[]).length > 0
        : false;
      if (published) await em.getRepository(StudioQuestion).update(questionId, { archivedAt: new Date() });
      else await em.getRepository(StudioQuestion).delete(questionId);
      await this.access.edited(em, id);
    });
  }

  /**
   * Questions the assistant drafted from a lesson, in the caller's transaction (access already checked):
   * each goes through the same write-and-read-back as an author's own and is kept as a draft, marked
   * with its lesson; one the reader refuses, or whose prompt the bank already has, is dropped.
   */
  async addSuggested(em: EntityManager, courseId: string, lessonId: string, drafts: SaveStudioQuestionDto[]): Promise<{ saved: StudioQuestion[]; dropped: number }> {
    const repo = em.getRepository(StudioQuestion);
    const existing = await repo.find({ where: { courseId }, select: { externalId: true, bank: true } });
    // A YAML bank holds drafted choices exactly as meant (all-or-nothing, no GIFT weights to invent).
    const bank = [...new Set(existing.map((q) => q.bank))].sort().find((b) => !isGiftBank(b)) ?? DEFAULT_BANK;
    const taken = new Set(existing.map((q) => q.externalId));
    await this.room(em, courseId, drafts.length);
    let position = await this.nextPosition(em, courseId);
    const saved: StudioQuestion[] = [];
    for (const dto of drafts) {
      const externalId = idFromText(dto.prompt.trim());
      if (taken.has(externalId)) continue;
      let read: QuestionDraft;
      try {
        read = this.read(bank, intended(dto, externalId), null);
      } catch {
        continue;
      }
      taken.add(externalId);
      saved.push(await repo.save(repo.create({ courseId, bank, position: position++, ...columnsOf(read), suggestedFromLessonId: lessonId, suggestedAt: new Date() })));
    }
    if (saved.length) await this.access.edited(em, courseId);
    return { saved, dropped: drafts.length - saved.length };
  }

  /** The prompts of a course's live questions: what the assistant should not draft again. */
  async prompts(courseId: string): Promise<string[]> {
    const rows = (await this.dataSource.query('SELECT prompt FROM studio_questions WHERE course_id = $1 AND archived_at IS NULL', [courseId])) as { prompt: string }[];
    return rows.map((r) => r.prompt);
  }

  /**
   * Moodle GIFT read by the platform's GIFT reader: any error refuses the whole text (422, problems by
   * line); otherwise each question is created, or replaces the question with the same id.
   */
  async importGift(p: Principal, id: string, dto: GiftImportDto): Promise<GiftImportResultDto> {
    return this.dataSource.transaction(async (em) => {
      const { course } = await this.access.open(p, id, 'edit', em);
      const repo = em.getRepository(StudioQuestion);
      const existing = await repo.find({ where: { courseId: id } });
      const bank = dto.bank ?? [...new Set(existing.map((q) => q.bank))].sort().find(isGiftBank) ?? 'gift.gift';
      const { questions, problems } = this.checks.parseQuestionBank(dto.text, 'gift', `questions/${bank}`, defaultsOf(course), STUDIO_LIMITS);
      const shown = problems.map(problemOf(bank, null));
      if (problems.some((x) => !x.warning)) throw StudioErrors.invalid(shown);
      if (!questions.length) throw StudioErrors.invalid([{ ...problemOf(bank, null)({ file: bank, line: 1, message: 'the text holds no question' }) }]);
      const byExternal = new Map(existing.map((q) => [q.externalId, q]));
      await this.room(em, id, questions.filter((q) => !byExternal.has(q.externalId)).length);
      let position = await this.nextPosition(em, id);
      const out: StudioQuestion[] = [];
      for (const q of questions) {
        const before = byExternal.get(q.externalId);
        const columns = { bank, ...columnsOf(q), archivedAt: null };
        if (!before) out.push(await repo.save(repo.create({ courseId: id, position: position++, ...columns })));
        else {
          if (canonical({ bank: before.bank, ...columnsOf(questionDraftOf(before)), archivedAt: before.archivedAt }) !== canonical(columns)) {
            await repo.update(before.id, { ...columns, version: before.version + 1 });
          }
          out.push(await repo.findOneByOrFail({ id: before.id }));
        }
      }
      await this.access.edited(em, id);
      return { questions: out.map(questionDto), problems: shown };
    });
  }

  /** The live bank as GIFT; ordering questions, which GIFT cannot hold, are named in a comment at the top. */
  async exportGift(p: Principal, id: string): Promise<{ slug: string; text: string }> {
    const { course } = await this.access.open(p, id);
    const questions = await this.dataSource.getRepository(StudioQuestion).find({ where: { courseId: id, archivedAt: IsNull() }, order: { position: 'ASC' } });
    const written = writeGiftBank(questions.map((q) => questionDraftOf(q)));
    const note = written.skipped.length ? `// GIFT cannot hold ordering questions; left out: ${written.skipped.join(', ')}\n\n` : '';
    return { slug: course.slug, text: `${note}${written.text}` };
  }

  /**
   * The question written in its bank's format and read back: the reader's errors refuse it, and so
   * does a difference between what was meant and what the file says (the format cannot hold it).
   */
  private read(bank: string, meant: QuestionDraft, questionId: string | null): QuestionDraft {
    const written = writeBank(bank, [meant]);
    const shown = problemOf(bank, questionId);
    if (written.skipped.length) throw StudioErrors.invalid([shown({ file: bank, line: 1, message: 'ordering questions cannot be written in GIFT; use a .yaml bank' })]);
    const { questions, problems } = this.checks.parseQuestionBank(written.text, isGiftBank(bank) ? 'gift' : 'yaml', `questions/${bank}`, {}, STUDIO_LIMITS);
    const errors = problems.filter((x) => !x.warning);
    if (errors.length || questions.length !== 1) throw StudioErrors.invalid(errors.map(shown));
    const read = questions[0]!;
    // What was not said is taken as read (option ids, weights the reader gives); what was said must survive.
    const merged = { ...read, ...Object.fromEntries(Object.entries(meant).filter(([, v]) => v !== undefined)) } as QuestionDraft;
    if (meant.options) merged.options = meant.options.map((o, i) => ({ ...read.options?.[i], ...Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) }) as ChoiceOption);
    const differs = [...PAYLOAD, 'prompt', 'explanation'].filter((k) => canonical(merged[k as keyof QuestionDraft]) !== canonical(read[k as keyof QuestionDraft]));
    if (differs.length) {
      const format = isGiftBank(bank) ? 'a GIFT bank' : 'a YAML bank';
      throw StudioErrors.invalid([shown({ file: bank, line: 1, message: `${format} cannot hold this question exactly (${differs.join(', ')}); ${isGiftBank(bank) ? 'use a .yaml bank' : 'weights and partial marks need a .gift bank'}` })]);
    }
    return read;
  }

  private async room(em: EntityManager, courseId: string, adding: number): Promise<void> {
    const [{ n }] = (await em.query('SELECT count(*)::int AS n FROM studio_questions WHERE course_id = $1', [courseId])) as [{ n: number }];
    if (n + adding > MAX_QUESTIONS) throw StudioErrors.tooMuch('questions', `a course has at most ${MAX_QUESTIONS} questions`);
  }

  private async nextPosition(em: EntityManager, courseId: string): Promise<number> {
    const [{ n }] = (await em.query('SELECT coalesce(max(position), 0)::int + 1 AS n FROM studio_questions WHERE course_id = $1', [courseId])) as [{ n: number }];
    return n;
  }

  private async find(em: EntityManager, courseId: string, questionId: string): Promise<StudioQuestion> {
    const q = await em.getRepository(StudioQuestion).findOneBy({ id: questionId, courseId });
    if (!q) throw notFound('Question');
    return q;
  }
}

/** The question as the editor meant it, in the content model's shape (options without ids or weights get them from the reader). */
function intended(dto: SaveStudioQuestionDto, externalId: string): QuestionDraft {
  const options = dto.options?.map((o, i) => ({
    id: dto.type === 'true_false' ? (i === 0 ? 'true' : 'false') : String.fromCharCode(97 + i),
    // A true/false question's two choices are always Đúng and Sai.
    text: dto.type === 'true_false' ? (i === 0 ? 'Đúng' : 'Sai') : o.text.trim(), correct: o.correct, weight: o.weight as number, feedback: o.feedback.trim(),
  }));
  return {
    externalId, type: dto.type, competency: dto.competency, level: dto.level, prompt: dto.prompt.trim(), explanation: dto.explanation.trim(),
    options, accepted: dto.accepted, answers: dto.answers, numbers: dto.numbers, pairs: dto.pairs, feedback: dto.feedback, grading: dto.grading,
    file: '', line: 1,
  };
}

const columnsOf = (q: QuestionDraft) => ({
  externalId: q.externalId, type: q.type, competency: q.competency, level: q.level, prompt: q.prompt, explanation: q.explanation, payload: payloadOf(q),
});
