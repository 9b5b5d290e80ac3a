import path from 'node:path';
import { REPO_ROOT } from '../../config/config';
import { type ContentSet, readContent } from './files/content-reader';
import { formatProblem } from './files/problems';

/** The content in the repository must always validate: it is what every newcomer's platform shows. */
describe('shipped content', () => {
  let content: ContentSet;
  beforeAll(async () => {
    content = await readContent(path.join(REPO_ROOT, 'content'));
  });

  it('validates with no errors', () => {
    expect(content.problems.filter((p) => !p.warning).map(formatProblem)).toEqual([]);
  });

  it('gives every course a lesson, a quiz and enough questions to draw from', () => {
    for (const course of content.courses) {
      expect({ slug: course.slug, lessons: course.lessons.length > 0, quizzes: course.quizzes.length > 0 }).toEqual({ slug: course.slug, lessons: true, quizzes: true });
    }
  });

  it('maps every question to a competency and level the framework has', () => {
    const codes = new Set(content.framework?.domains.flatMap((d) => d.competencies.map((c) => c.code)));
    const stray = content.courses.flatMap((c) => c.questions.filter((q) => !codes.has(q.competency) || q.level < 1 || q.level > 8).map((q) => `${c.slug}/${q.externalId}`));
    expect(stray).toEqual([]);
  });

  it('is a starter catalogue of at least 12 courses, 60 lessons and 300 questions', () => {
    const lessons = content.courses.reduce((n, c) => n + c.lessons.length, 0);
    const questions = content.courses.reduce((n, c) => n + c.questions.length, 0);
    expect({ courses: content.courses.length >= 12, lessons: lessons >= 60, questions: questions >= 300 }).toEqual({ courses: true, lessons: true, questions: true });
  });

  it('covers all six domains and group 0, every question type, and has a track of several courses for each target group', () => {
    const domains = new Set(content.courses.flatMap((c) => c.competencies.map((x) => x.code.split('.')[0])));
    expect([...domains].sort()).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    const types = new Set(content.courses.flatMap((c) => c.questions.map((q) => q.type)));
    expect([...types].sort()).toEqual(['matching', 'multiple', 'numerical', 'ordering', 'short_text', 'single', 'true_false']);
    for (const group of ['public_servant', 'student', 'worker', 'citizen']) {
      expect({ group, courses: content.courses.filter((c) => c.targetGroups.includes(group)).length >= 4 }).toEqual({ group, courses: true });
    }
  });
});
