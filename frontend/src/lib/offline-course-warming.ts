/**
 * The work behind `warmEnrolledCourses` (`offline-courses.ts`), loaded only once a service worker can
 * store what it fetches: the course page, the progress, each lesson the learner may open and the
 * lesson's pictures and captions. Videos are left out: they would spend a learner's data plan unasked.
 * What the cache already holds is not fetched again; the service worker refreshes it whenever the
 * learner opens the page online.
 */
import type { Schemas } from './api-client';
import { API_CACHE, MEDIA_CACHE } from './offline-courses';

/** Background work waits for the browser to be idle, one small step at a time, so reading the page never stutters. */
const nextIdle = () =>
  new Promise<void>((resolve) => ('requestIdleCallback' in window ? requestIdleCallback(() => resolve(), { timeout: 10_000 }) : setTimeout(resolve, 500)));

async function getJson<T>(url: string): Promise<T | null> {
  const res = await fetch(url, { credentials: 'same-origin' });
  return res.ok ? ((await res.json()) as T) : null;
}

async function fetchUnlessCached(url: string, cacheName: string): Promise<Response | null> {
  const cache = await caches.open(cacheName);
  if (await cache.match(url)) return null;
  const res = await fetch(url, { credentials: 'same-origin' });
  return res.ok ? res : null;
}

/** Pictures (`<img src>`) the server placed in a lesson's HTML: only the course's own media. */
function mediaUrls(lesson: Schemas['LessonDto']): string[] {
  const html = new DOMParser().parseFromString(lesson.html, 'text/html');
  const images = [...html.querySelectorAll('img')].map((img) => img.getAttribute('src') ?? '');
  return [...images, lesson.video?.captions ?? ''].filter((src) => src.startsWith(`/api/courses/${lesson.courseSlug}/media/`));
}

async function warmCourse(slug: string): Promise<void> {
  const base = `/api/courses/${encodeURIComponent(slug)}`;
  await getJson(base);
  const progress = await getJson<Schemas['CourseProgressDto']>(`${base}/progress`);
  for (const step of progress?.lessons.filter((l) => !l.locked) ?? []) {
    await nextIdle();
    const res = await fetchUnlessCached(`${base}/lessons/${encodeURIComponent(step.slug)}`, API_CACHE);
    const lesson = res ? ((await res.json()) as Schemas['LessonDto']) : null;
    for (const url of lesson ? mediaUrls(lesson) : []) await fetchUnlessCached(url, MEDIA_CACHE);
  }
}

/** One pass over the enrolled courses, one request at a time (a weak connection has room for little else). */
export async function warmAllEnrolledCourses(): Promise<void> {
  await nextIdle();
  // Who is signed in: offline, the pages need it to know the learner (it may predate the worker).
  await getJson('/api/auth/me');
  const mine = await getJson<Schemas['MyCourseDto'][]>('/api/me/learning');
  for (const course of mine?.filter((c) => c.status === 'active') ?? []) await warmCourse(course.slug);
}
