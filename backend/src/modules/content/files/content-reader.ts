import type { CourseDraft, FrameworkDraft } from './content-model';
import { type ContentLimits, ContentTree, DEFAULT_LIMITS } from './content-tree';
import { readCourse } from './course-reader';
import { readFramework } from './framework-reader';
import type { Problem } from './problems';

export type ContentSet = { framework: FrameworkDraft | null; courses: CourseDraft[]; problems: Problem[]; errors: number };

/**
 * Reads the framework and every course under `contentDir`; nothing is written anywhere. The files
 * are read asynchronously into a snapshot first (nothing followed, sizes bounded), then parsed
 * course by course, giving the event loop back between courses.
 */
export async function readContent(contentDir: string, limits: ContentLimits = DEFAULT_LIMITS): Promise<ContentSet> {
  const tree = await ContentTree.load(contentDir, limits);
  await tree.read('framework');
  let read: ReturnType<typeof readFramework>;
  try {
    read = readFramework(tree);
  } catch (err) {
    // Nothing a file holds should get here; if something does, it is still a file:line problem.
    const problems = [...tree.problems, { file: 'framework/framework.yaml', line: 1, message: `the framework could not be read: ${(err as Error).message}` }];
    return { framework: null, courses: [], problems, errors: problems.length };
  }
  const { framework, sinks } = read;
  const problems: Problem[] = sinks.flatMap((s) => s.problems);
  const courses: CourseDraft[] = [];
  if (framework) {
    const slugs = new Map<string, string>();
    for (const folder of tree.subdirs('courses')) {
      await tree.read(`courses/${folder}`);
      const { course, sinks: courseSinks } = await readCourse(tree, folder, framework);
      tree.release(`courses/${folder}`);
      problems.push(...courseSinks.flatMap((s) => s.problems));
      if (!course) continue;
      const other = slugs.get(course.slug);
      if (other) problems.push({ file: `courses/${folder}/course.yaml`, line: 1, message: `duplicate slug ${course.slug} (also courses/${other})` });
      else {
        slugs.set(course.slug, folder);
        courses.push(course);
      }
    }
    for (const file of tree.listedUnder('courses').filter((f) => f.split('/').length === 2)) {
      problems.push({ file, line: 1, message: 'only course folders belong in courses/' });
    }
    problems.push(...unknownRequiredCourses(framework, courses));
  }
  // The tree's own problems (links, devices, sizes) come first; they are complete once every part is read.
  problems.unshift(...tree.problems);
  return { framework, courses, problems, errors: problems.filter((p) => !p.warning).length };
}

/** A policy may only require courses that exist, or nobody could ever meet it. */
function unknownRequiredCourses(framework: FrameworkDraft, courses: CourseDraft[]): Problem[] {
  const slugs = new Set(courses.map((c) => c.slug));
  return Object.entries(framework.policies).flatMap(([group, policy]) =>
    policy.requiredCourses
      .filter((slug) => !slugs.has(slug))
      .map((slug) => ({ file: 'framework/certification-policies.yaml', line: 1, message: `policies.${group}.requiredCourses: unknown course ${slug}` })),
  );
}
