import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '../../common/errors/app-exception';
import { LearningPathService } from '../assessment/learning-path.service';
import type { AssessmentResult } from '../assessment/assessment-scoring';
import { AssistantErrors } from './assistant.errors';
import { quote } from './answering/passage-answer';
import { PassageIndex } from './retrieval/passage-index.service';

/** Help near the person: their commune, its community digital team, and a class there that teaches the step's course. */
export type LocalHelp = { unitName: string; teamMembers: number; className: string | null; sentence: string };

export type NextStep = {
  kind: 'course' | 'lesson' | 'self_assessment' | 'done';
  why: string;
  local: LocalHelp | null;
  courseSlug: string | null;
  courseTitle: string | null;
  lessonSlug: string | null;
  lessonTitle: string | null;
};

export type WrongAnswerHelp = {
  questionId: string;
  prompt: string;
  explanation: string;
  passage: { courseSlug: string; lessonSlug: string; lessonTitle: string; anchor: string; heading: string; quote: string } | null;
};

/** The person's commune, its active community digital team members, and the open classes there with their courses. */
const PLACE_SQL = `
  SELECT au.name AS unit_name,
         (SELECT count(*)::int FROM community_team_members m WHERE m.unit_id = u.unit_id AND m.revoked_at IS NULL) AS team,
         coalesce((SELECT json_agg(json_build_object('name', k.name, 'slug', c.slug, 'member', EXISTS (SELECT 1 FROM class_members cm WHERE cm.class_id = k.id AND cm.user_id = u.id)) ORDER BY k.name)
                     FROM classes k JOIN class_courses kc ON kc.class_id = k.id JOIN courses c ON c.id = kc.course_id
                    WHERE k.unit_id = u.unit_id AND k.closed_at IS NULL AND c.archived_at IS NULL), '[]') AS classes
    FROM users u JOIN admin_units au ON au.id = u.unit_id WHERE u.id = $1`;

type Place = { unitName: string; team: number; classes: { name: string; slug: string; member: boolean }[] };

/**
 * The personal parts of the assistant: "Học gì tiếp theo?" (from the self-assessment result, progress,
 * target group and place: among courses that fit, one a class of the person's commune teaches comes
 * first, and the commune's class or community digital team is named as help nearby) and "Vì sao sai?" (after a submitted attempt only: each wrong item's explanation
 * and the lesson passage it comes from).
 */
@Injectable()
export class LearnerGuidanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly paths: LearningPathService,
    private readonly index: PassageIndex,
  ) {}

  async nextStep(userId: string): Promise<NextStep> {
    const place = await this.place(userId);
    const step = await this.chooseStep(userId, place);
    return { ...step, local: step.kind === 'done' || !place ? null : localHelp(place, step.courseSlug) };
  }

  private async chooseStep(userId: string, place: Place | null): Promise<Omit<NextStep, 'local'>> {
    const taughtHere = new Set(place?.classes.map((c) => c.slug));
    const [assessment] = (await this.dataSource.query(
      `SELECT a.framework_version_id, a.target_group, a.result FROM assessment_attempts a
        WHERE a.user_id = $1 AND a.status = 'submitted' AND a.result IS NOT NULL ORDER BY a.submitted_at DESC LIMIT 1`,
      [userId],
    )) as { framework_version_id: string; target_group: string; result: AssessmentResult }[];
    if (assessment) {
      const steps = await this.paths.for(userId, assessment.framework_version_id, assessment.target_group, assessment.result);
      for (const step of steps) {
        // Courses come ranked for the person's group; one taught by a class in their commune goes first.
        const open = step.courses.filter((c) => c.status !== 'completed');
        const course = open.find((c) => taughtHere.has(c.slug)) ?? open[0];
        if (!course) continue;
        const name = await this.competencyName(assessment.framework_version_id, step.competency);
        const why = step.level < step.minLevel
          ? `Bạn chưa đạt mức ${step.minLevel} ở «${name}» (bài tự đánh giá cho thấy mức ${step.level}); khóa «${course.title}» giúp bạn luyện phần này.`
          : `Bạn trả lời đúng chưa được một nửa số câu về «${name}»; khóa «${course.title}» giúp bạn vững hơn.`;
        return this.withNextLesson(userId, course.slug, course.title, why);
      }
    }
    const [active] = (await this.dataSource.query(
      `SELECT c.slug, c.title FROM enrolments e JOIN courses c ON c.id = e.course_id
        WHERE e.user_id = $1 AND e.status = 'active' AND c.archived_at IS NULL ORDER BY e.enrolled_at DESC LIMIT 1`,
      [userId],
    )) as { slug: string; title: string }[];
    if (active) return this.withNextLesson(userId, active.slug, active.title, `Bạn đang học dở khóa «${active.title}»: học tiếp từ bài chưa xong.`);
    if (!assessment) {
      return { kind: 'self_assessment', why: 'Bạn chưa làm bài tự đánh giá: làm bài (khoảng 20 phút) để biết mình nên học gì trước.', courseSlug: null, courseTitle: null, lessonSlug: null, lessonTitle: null };
    }
    const [fresh] = (await this.dataSource.query(
      `SELECT c.slug, c.title FROM courses c JOIN users u ON u.id = $1
        WHERE c.archived_at IS NULL AND u.target_group = ANY(c.target_groups)
          AND NOT EXISTS (SELECT 1 FROM enrolments e WHERE e.course_id = c.id AND e.user_id = $1)
        ORDER BY c.slug = ANY($2::text[]) DESC, c.estimated_minutes, c.slug LIMIT 1`,
      [userId, [...taughtHere]],
    )) as { slug: string; title: string }[];
    if (fresh) return this.withNextLesson(userId, fresh.slug, fresh.title, `Bạn đã đạt các mức của nhóm mình; khóa «${fresh.title}» là khóa ngắn tiếp theo dành cho nhóm của bạn.`);
    return { kind: 'done', why: 'Bạn đã học hết các khóa dành cho nhóm của mình. Hãy giúp người thân cùng học!', courseSlug: null, courseTitle: null, lessonSlug: null, lessonTitle: null };
  }

  async whyWrong(userId: string, attemptId: string): Promise<WrongAnswerHelp[]> {
    const [attempt] = (await this.dataSource.query(`SELECT status, graded, course_id FROM quiz_attempts WHERE id = $1 AND user_id = $2`, [attemptId, userId])) as {
      status: string;
      graded: { questionId: string; score: number }[] | null;
      course_id: string;
    }[];
    if (!attempt) throw notFound('Attempt');
    if (attempt.status !== 'submitted' || !attempt.graded) throw AssistantErrors.notSubmitted();
    const wrong = attempt.graded.filter((g) => g.score < 1).map((g) => g.questionId);
    if (wrong.length === 0) return [];
    const questions = (await this.dataSource.query(`SELECT id, prompt, explanation FROM questions WHERE id = ANY($1::uuid[])`, [wrong])) as { id: string; prompt: string; explanation: string }[];
    const out: WrongAnswerHelp[] = [];
    for (const q of questions) {
      // The passage of the same course that best matches the item and its explanation.
      const hits = await this.index.search(`${q.prompt} ${q.explanation}`, 1, attempt.course_id);
      const best = hits[0];
      out.push({
        questionId: q.id,
        prompt: q.prompt,
        explanation: q.explanation,
        passage: best
          ? { courseSlug: best.courseSlug, lessonSlug: best.lessonSlug, lessonTitle: best.lessonTitle, anchor: best.anchor, heading: best.heading, quote: quote(best.text) }
          : null,
      });
    }
    return out.sort((a, b) => wrong.indexOf(a.questionId) - wrong.indexOf(b.questionId));
  }

  private async place(userId: string): Promise<Place | null> {
    const [row] = (await this.dataSource.query(PLACE_SQL, [userId])) as { unit_name: string; team: number; classes: Place['classes'] }[];
    return row ? { unitName: row.unit_name, team: row.team, classes: row.classes } : null;
  }

  private async withNextLesson(userId: string, courseSlug: string, courseTitle: string, why: string): Promise<Omit<NextStep, 'local'>> {
    const [lesson] = (await this.dataSource.query(
      `SELECT l.slug, l.title FROM lessons l JOIN courses c ON c.id = l.course_id
        WHERE c.slug = $1 AND l.archived_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM lesson_completions lc WHERE lc.lesson_id = l.id AND lc.user_id = $2)
        ORDER BY l.position LIMIT 1`,
      [courseSlug, userId],
    )) as { slug: string; title: string }[];
    return { kind: lesson ? 'lesson' : 'course', why, courseSlug, courseTitle, lessonSlug: lesson?.slug ?? null, lessonTitle: lesson?.title ?? null };
  }

  private async competencyName(frameworkVersionId: string, code: string): Promise<string> {
    const [row] = (await this.dataSource.query('SELECT name FROM competencies WHERE framework_version_id = $1 AND code = $2', [frameworkVersionId, code])) as { name: string }[];
    return row ? `${code} ${row.name}` : code;
  }
}

/**
 * One sentence of help nearby, where it matters: a class of the commune that teaches the step's course
 * (the person can learn it with others), else the commune's community digital team when it has members.
 */
export function localHelp(place: Place, courseSlug: string | null): LocalHelp | null {
  const local = place.classes.find((c) => c.slug === courseSlug);
  if (local) {
    const sentence = local.member
      ? `Lớp «${local.name}» của bạn ở ${place.unitName} đang học khóa này: học cùng lớp sẽ dễ hơn.`
      : `Ở ${place.unitName} có lớp «${local.name}» đang học khóa này: hỏi giáo viên mã tham gia lớp để học cùng mọi người.`;
    return { unitName: place.unitName, teamMembers: place.team, className: local.name, sentence };
  }
  if (place.team === 0) return null;
  return {
    unitName: place.unitName,
    teamMembers: place.team,
    className: null,
    sentence: `Cần người hướng dẫn tận nơi? Tổ công nghệ số cộng đồng ở ${place.unitName} (${place.team} thành viên) có thể giúp bạn học bước này.`,
  };
}
