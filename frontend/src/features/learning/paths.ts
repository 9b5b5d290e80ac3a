/** The learner's URLs, in Vietnamese like the rest of the site. */
export const coursePath = (slug: string) => `/khoa-hoc/${slug}`;
export const lessonPath = (slug: string, lesson: string) => `/khoa-hoc/${slug}/bai/${lesson}`;
export const quizPath = (slug: string, quiz: string) => `/khoa-hoc/${slug}/kiem-tra/${quiz}`;
export const attemptPath = (id: string) => `/bai-kiem-tra/${id}`;
export const stepPath = (slug: string, step: { kind: 'lesson' | 'quiz'; slug: string }) =>
  step.kind === 'lesson' ? lessonPath(slug, step.slug) : quizPath(slug, step.slug);
