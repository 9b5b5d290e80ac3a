import path from 'node:path';
import { REPO_ROOT } from '../../config/config';
import { readContent } from './files/content-reader';
import { formatProblem } from './files/problems';

/** The content in the repository must always validate: it is what every newcomer's platform shows. */
describe('shipped content', () => {
  const content = readContent(path.join(REPO_ROOT, 'content'));

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
});
