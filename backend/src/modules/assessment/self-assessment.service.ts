import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AppException, type FieldError, notFound } from '../../common/errors/app-exception';
import { JobQueue } from '../../jobs/job-queue';
import { Question } from '../content/entities/question.entity';
import type { FrameworkVersion } from '../content/entities/framework-version.entity';
import type { AnswerValue } from '../learning/entities/quiz-attempt.entity';
import { parseAnswers } from '../learning/quiz/answers';
import { type LearnerQuestion, toLearnerQuestion } from '../learning/quiz/learner-question';
import { drawAttempt } from '../learning/quiz/quiz-draw';
import { gradeQuestion, type QuestionResult, resultOf } from '../learning/quiz/quiz-grader';
import { LATE_GRACE_MS } from '../learning/quiz/quiz-attempts.service';
import { User } from '../users/entities/user.entity';
import { MAX_RATING, scoreAssessment } from './assessment-scoring';
import { ASSESSMENT_DEFAULTS, CertificationPoliciesService } from './certification-policies.service';
import { AssessmentAttempt } from './entities/assessment-attempt.entity';
import type { CertificationPolicy } from './entities/certification-policy.entity';
import { FrameworkNames } from './framework-names';

export type AssessmentRules = typeof ASSESSMENT_DEFAULTS;

export type AssessmentOverview = {
  names: FrameworkNames;
  targetGroup: string;
  profile: { competency: string; minLevel: number }[];
  rules: AssessmentRules;
  attempts: AssessmentAttempt[];
  nextAttemptAt: Date | null;
  attemptsLeft: number | null;
};

export type AssessmentView = {
  attempt: AssessmentAttempt;
  names: FrameworkNames;
  questions: LearnerQuestion[];
  results: QuestionResult[] | null;
};

const assessmentError = (status: HttpStatus, code: string, message: string, details?: Record<string, unknown> | FieldError[]) =>
  new AppException(status, code, message, details);

/**
 * The self-assessment of a learner's target group on the framework version in force: a self-rating
 * per competency of the group's profile and knowledge questions drawn per competency from every
 * course's bank. The same guarantees as quizzes: no key before submission, the draw stored, graded
 * once on the server, limits by the server's clock.
 */
@Injectable()
export class SelfAssessmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: CertificationPoliciesService,
    private readonly jobs: JobQueue,
  ) {}

  async overview(userId: string): Promise<AssessmentOverview> {
    const { user, version, policy } = await this.context(this.dataSource.manager, userId);
    const rules = rulesOf(policy);
    const attempts = await this.dataSource.getRepository(AssessmentAttempt).find({
      where: { userId, frameworkVersionId: version.id, targetGroup: user.targetGroup },
      order: { number: 'DESC' },
    });
    const lastSubmitted = attempts.find((a) => a.submittedAt)?.submittedAt ?? null;
    return {
      names: new FrameworkNames(version),
      targetGroup: user.targetGroup,
      profile: version.profiles[user.targetGroup] ?? [],
      rules,
      attempts,
      nextAttemptAt: lastSubmitted && rules.cooldownHours ? new Date(lastSubmitted.getTime() + rules.cooldownHours * 3600_000) : null,
      attemptsLeft: rules.maxAttempts === null ? null : Math.max(0, rules.maxAttempts - attempts.length),
    };
  }

  /** Returns the open attempt, or starts one if the retake rules allow; `created` tells which. */
  async start(userId: string): Promise<{ view: AssessmentView; created: boolean }> {
    const now = new Date();
    const { attempt, created, version } = await this.dataSource.transaction(async (em) => {
      // The person's row lock serialises starts: a double tap opens one attempt.
      const { user, version, policy } = await this.context(em, userId, true);
      const rules = rulesOf(policy);
      const repo = em.getRepository(AssessmentAttempt);
      const previous = await repo.find({ where: { userId, frameworkVersionId: version.id, targetGroup: user.targetGroup }, order: { number: 'DESC' } });
      const open = previous.find((a) => a.status === 'in_progress');
      if (open && !isExpired(open, now)) return { attempt: open, created: false, version };
      if (open) await this.grade(em, open, open.ratings, open.answers, rules, now, null);

      if (rules.maxAttempts !== null && previous.length >= rules.maxAttempts) {
        throw assessmentError(HttpStatus.CONFLICT, 'ASSESSMENT_ATTEMPTS_EXHAUSTED', 'No attempts left', { maxAttempts: rules.maxAttempts });
      }
      const lastSubmitted = previous.find((a) => a.submittedAt)?.submittedAt;
      if (lastSubmitted && rules.cooldownHours > 0) {
        const retryAt = new Date(lastSubmitted.getTime() + rules.cooldownHours * 3600_000);
        if (retryAt > now) throw assessmentError(HttpStatus.CONFLICT, 'ASSESSMENT_COOLDOWN', 'Wait before the next attempt', { retryAt: retryAt.toISOString() });
      }
      const profile = version.profiles[user.targetGroup] ?? [];
      if (profile.length === 0) throw assessmentError(HttpStatus.CONFLICT, 'ASSESSMENT_NO_PROFILE', 'No competency profile for this target group');
      const pool = await this.pool(em, version.id, profile.map((p) => p.competency));
      const attempt = repo.create({
        userId, frameworkVersionId: version.id, targetGroup: user.targetGroup, number: (previous[0]?.number ?? 0) + 1,
        status: 'in_progress', competencies: profile.map((p) => ({ code: p.competency, minLevel: p.minLevel })),
        questions: drawAttempt(pool, profile.map((p) => ({ competency: p.competency, count: rules.questionsPerCompetency })), 0),
        ratings: {}, answers: {}, startedAt: now,
        deadlineAt: rules.timeLimitMinutes ? new Date(now.getTime() + rules.timeLimitMinutes * 60_000) : null,
        unitId: user.unitId, provinceId: user.provinceId, organisationId: user.organisationId,
      });
      await repo.insert(attempt);
      return { attempt, created: true, version };
    });
    return { view: await this.view(attempt, version), created };
  }

  async get(userId: string, attemptId: string): Promise<AssessmentView> {
    const attempt = await this.dataSource.getRepository(AssessmentAttempt).findOne({ where: { id: attemptId, userId }, relations: { frameworkVersion: true } });
    if (!attempt) throw notFound('Self-assessment');
    return this.view(attempt, attempt.frameworkVersion!);
  }

  /** Keeps ratings and answers as the learner goes, so a reload or a lost connection loses nothing. */
  async save(userId: string, attemptId: string, ratingsInput: unknown, answersInput: unknown): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const attempt = await this.locked(em, userId, attemptId);
      if (attempt.status !== 'in_progress') throw assessmentError(HttpStatus.CONFLICT, 'ATTEMPT_SUBMITTED', 'This self-assessment is already submitted');
      const ratings = parseRatings(ratingsInput, attempt, false);
      const answers = parseAnswers(answersInput, attempt.questions);
      await em.getRepository(AssessmentAttempt).update(attempt.id, { ratings, answers });
    });
  }

  /**
   * Grades once: a resend waits on the row lock, finds the attempt submitted and gets the same result.
   * Then asks for the completion record to be considered (a job keyed by the attempt, so once).
   */
  async submit(userId: string, attemptId: string, ratingsInput: unknown, answersInput: unknown, idempotencyKey: string | null): Promise<AssessmentView> {
    const now = new Date();
    const { attempt, version } = await this.dataSource.transaction(async (em) => {
      const found = await this.locked(em, userId, attemptId);
      const version = found.frameworkVersion!;
      if (found.status === 'submitted') return { attempt: found, version };
      const ratings = parseRatings(ratingsInput, found, true);
      const answers = parseAnswers(answersInput, found.questions);
      const policy = await this.policies.find(found.frameworkVersionId, found.targetGroup, em);
      return { attempt: await this.grade(em, found, ratings, answers, rulesOf(policy), now, idempotencyKey), version };
    });
    await this.jobs.enqueue('certification', { userId }, `certify-${attempt.id}`);
    return this.view(attempt, version);
  }

  private async grade(
    em: EntityManager, attempt: AssessmentAttempt, ratings: Record<string, number>, answers: Record<string, AnswerValue>,
    rules: AssessmentRules, now: Date, idempotencyKey: string | null,
  ): Promise<AssessmentAttempt> {
    const questions = await this.questionsOf(em, attempt);
    const graded = attempt.questions.map((d) => ({ questionId: d.questionId, score: gradeQuestion(questions.get(d.questionId)!, d, answers[d.questionId]) }));
    const names = new FrameworkNames(attempt.frameworkVersion ?? (await this.policies.currentVersion(em)));
    const result = scoreAssessment(
      attempt.competencies.map((c) => ({
        code: c.code, domainCode: names.domainOf(c.code), minLevel: c.minLevel, rating: ratings[c.code] ?? 0,
        questionScores: graded.filter((g) => questions.get(g.questionId)!.competency === c.code).map((g) => g.score),
      })),
      rules.selfRatingWeight,
    );
    Object.assign(attempt, {
      status: 'submitted', ratings, answers, graded, result, overallScore: result.overall.score, submittedAt: now, idempotencyKey,
      late: isExpired(attempt, now),
    });
    await em.getRepository(AssessmentAttempt).update(attempt.id, {
      status: 'submitted', ratings, answers, graded, result, overallScore: result.overall.score, submittedAt: now, idempotencyKey, late: attempt.late,
    });
    return attempt;
  }

  private async context(em: EntityManager, userId: string, lock = false): Promise<{ user: User; version: FrameworkVersion; policy: CertificationPolicy | null }> {
    const qb = em.getRepository(User).createQueryBuilder('u').where('u.id = :userId', { userId });
    const user = await (lock ? qb.setLock('pessimistic_write') : qb).getOne();
    if (!user) throw notFound('User');
    const version = await this.policies.currentVersion(em);
    return { user, version, policy: await this.policies.find(version.id, user.targetGroup, em) };
  }

  /** Live questions of live courses of this framework version, for the given competencies. */
  private pool(em: EntityManager, frameworkVersionId: string, competencies: string[]): Promise<Question[]> {
    return em
      .getRepository(Question)
      .createQueryBuilder('q')
      .innerJoin('q.course', 'c')
      .where('c.framework_version_id = :frameworkVersionId AND c.archived_at IS NULL AND q.archived_at IS NULL', { frameworkVersionId })
      .andWhere('q.competency IN (:...competencies)', { competencies })
      .getMany();
  }

  private async locked(em: EntityManager, userId: string, attemptId: string): Promise<AssessmentAttempt> {
    const attempt = await em.getRepository(AssessmentAttempt).createQueryBuilder('a').setLock('pessimistic_write', undefined, ['a'])
      .innerJoinAndSelect('a.frameworkVersion', 'fv')
      .where('a.id = :attemptId AND a.user_id = :userId', { attemptId, userId }).getOne();
    if (!attempt) throw notFound('Self-assessment');
    return attempt;
  }

  private async questionsOf(em: EntityManager, attempt: AssessmentAttempt): Promise<Map<string, Question>> {
    const ids = attempt.questions.map((q) => q.questionId);
    const rows = ids.length ? await em.getRepository(Question).findBy({ id: In(ids) }) : [];
    return new Map(rows.map((q) => [q.id, q]));
  }

  private async view(attempt: AssessmentAttempt, version: FrameworkVersion): Promise<AssessmentView> {
    const questions = await this.questionsOf(this.dataSource.manager, attempt);
    const submitted = attempt.status === 'submitted';
    return {
      attempt,
      names: new FrameworkNames(version),
      questions: attempt.questions.map((d) => toLearnerQuestion(questions.get(d.questionId)!, d)),
      results: submitted
        ? attempt.questions.map((d, i) => resultOf(questions.get(d.questionId)!, d, attempt.answers[d.questionId], attempt.graded?.[i]?.score ?? 0))
        : null,
    };
  }
}

const rulesOf = (policy: CertificationPolicy | null): AssessmentRules =>
  policy
    ? { questionsPerCompetency: policy.questionsPerCompetency, selfRatingWeight: policy.selfRatingWeight, maxAttempts: policy.maxAttempts, cooldownHours: policy.cooldownHours, timeLimitMinutes: policy.timeLimitMinutes }
    : ASSESSMENT_DEFAULTS;

const isExpired = (attempt: AssessmentAttempt, now: Date) => attempt.deadlineAt !== null && now.getTime() > attempt.deadlineAt.getTime() + LATE_GRACE_MS;

/** Ratings keyed by the attempt's competencies, each a whole number on the five-point scale; all of them when submitting. */
function parseRatings(input: unknown, attempt: AssessmentAttempt, complete: boolean): Record<string, number> {
  const errors: FieldError[] = [];
  const out: Record<string, number> = {};
  if (input !== undefined && (typeof input !== 'object' || input === null || Array.isArray(input))) {
    throw assessmentError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'Request validation failed', [{ field: 'ratings', message: 'must be an object of competency code → rating' }]);
  }
  const given = (input ?? {}) as Record<string, unknown>;
  const codes = new Set(attempt.competencies.map((c) => c.code));
  for (const [code, value] of Object.entries(given)) {
    if (!codes.has(code)) errors.push({ field: `ratings.${code}`, message: 'is not a competency of this self-assessment' });
    else if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > MAX_RATING) errors.push({ field: `ratings.${code}`, message: `must be a whole number from 0 to ${MAX_RATING}` });
    else out[code] = value as number;
  }
  if (complete) {
    for (const code of codes) if (!(code in given)) errors.push({ field: `ratings.${code}`, message: 'must be rated before submitting' });
  }
  if (errors.length) throw assessmentError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'Request validation failed', errors);
  return out;
}
