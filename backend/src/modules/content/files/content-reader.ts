import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CourseDraft, FrameworkDraft } from './content-model';
import { readCourse } from './course-reader';
import { readFramework } from './framework-reader';
import type { Problem } from './problems';

export type ContentSet = { framework: FrameworkDraft | null; courses: CourseDraft[]; problems: Problem[]; errors: number };

/** Reads the framework and every course under `contentDir`; nothing is written anywhere. */
export function readContent(contentDir: string): ContentSet {
  const { framework, sinks } = readFramework(contentDir);
  const problems: Problem[] = sinks.flatMap((s) => s.problems);
  const courses: CourseDraft[] = [];
  const coursesDir = path.join(contentDir, 'courses');
  if (framework && existsSync(coursesDir)) {
    const folders = readdirSync(coursesDir).filter((f) => statSync(path.join(coursesDir, f)).isDirectory()).sort();
    const slugs = new Map<string, string>();
    for (const folder of folders) {
      const { course, sinks: courseSinks } = readCourse(contentDir, folder, framework);
      problems.push(...courseSinks.flatMap((s) => s.problems));
      if (!course) continue;
      const other = slugs.get(course.slug);
      if (other) problems.push({ file: path.join('courses', folder, 'course.yaml'), line: 1, message: `duplicate slug ${course.slug} (also courses/${other})` });
      else {
        slugs.set(course.slug, folder);
        courses.push(course);
      }
    }
  }
  if (framework) problems.push(...unknownRequiredCourses(framework, courses));
  return { framework, courses, problems, errors: problems.filter((p) => !p.warning).length };
}

/** A policy may only require courses that exist, or nobody could ever meet it. */
function unknownRequiredCourses(framework: FrameworkDraft, courses: CourseDraft[]): Problem[] {
  const slugs = new Set(courses.map((c) => c.slug));
  return Object.entries(framework.policies).flatMap(([group, policy]) =>
    policy.requiredCourses
      .filter((slug) => !slugs.has(slug))
      .map((slug) => ({ file: path.join('framework', 'certification-policies.yaml'), line: 1, message: `policies.${group}.requiredCourses: unknown course ${slug}` })),
  );
}
