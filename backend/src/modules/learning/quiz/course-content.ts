import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { notFound } from '../../../common/errors/app-exception';
import { Course } from '../../content/entities/course.entity';
import { Question } from '../../content/entities/question.entity';
import { Quiz } from '../../content/entities/quiz.entity';

/** A course's quizzes and questions (archived ones too: old attempts still show them). Read-only. */
export type CourseContent = { hash: string; course: Course; quizzes: Map<string, Quiz>; questions: Map<string, Question> };

/**
 * Course content by course id, valid for one content hash: an import writes the course, its quizzes
 * and its questions in one transaction with the new hash, so an entry whose hash matches the
 * course row just read is exactly what the database holds.
 */
@Injectable()
export class CourseContentCache {
  private readonly entries = new Map<string, CourseContent>();
  /** Course slug → id, for the quiz start, which trusts the cached version and lets the database check it. */
  private readonly ids = new Map<string, string>();

  /**
   * A live course's content by slug: the cached entry without any query, unless `fresh`, when the
   * course row is read (404 if it is gone). A caller using the cached entry must have the database
   * confirm its hash, as start_quiz_attempts does.
   */
  async bySlug(em: EntityManager, slug: string, fresh = false): Promise<CourseContent> {
    const id = this.ids.get(slug);
    const cached = id && !fresh ? this.entries.get(id) : undefined;
    if (cached) return cached;
    const course = await em.getRepository(Course).findOneBy({ slug });
    if (!course || course.archivedAt) throw notFound('Course');
    this.ids.set(slug, course.id);
    return this.of(em, course.id, course.contentHash);
  }

  async of(em: EntityManager, courseId: string, hash: string): Promise<CourseContent> {
    const cached = this.entries.get(courseId);
    if (cached?.hash === hash) return cached;
    // The course row last: if it still has the hash, the quizzes and questions read before are of that version.
    const quizzes = await em.getRepository(Quiz).findBy({ courseId });
    const questions = await em.getRepository(Question).findBy({ courseId });
    const course = await em.getRepository(Course).findOneByOrFail({ id: courseId });
    const content: CourseContent = {
      hash: course.contentHash, course, quizzes: new Map(quizzes.map((q) => [q.id, q])), questions: new Map(questions.map((q) => [q.id, q])),
    };
    if (content.hash === hash) this.entries.set(courseId, content);
    return content;
  }
}
