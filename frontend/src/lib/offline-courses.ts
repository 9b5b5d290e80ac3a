/**
 * Keeps every enrolled course readable offline (the fetching itself: `offline-course-warming.ts`,
 * loaded only when a service worker can store what it fetches, so a first visit stays light).
 */
export const API_CACHE = 'bdhvs-api';
export const MEDIA_CACHE = 'bdhvs-media';
let running: Promise<void> | null = null;

const hasServiceWorker = () => 'serviceWorker' in navigator && 'caches' in window && Boolean(navigator.serviceWorker.controller);

/** Stores the enrolled courses for offline reading; one pass at a time. */
export function warmEnrolledCourses(): Promise<void> {
  if (!hasServiceWorker() || !navigator.onLine) return Promise.resolve();
  running ??= import('./offline-course-warming')
    .then((warming) => warming.warmAllEnrolledCourses())
    .catch(() => undefined) // The connection dropped: the next pass finishes the job.
    .finally(() => {
      running = null;
    });
  return running;
}

/** Signing out (or in as someone else) on a shared phone must not leave one person's pages to the next. */
export async function clearPersonalCaches(): Promise<void> {
  if ('caches' in window) await Promise.all([caches.delete(API_CACHE)]);
}
