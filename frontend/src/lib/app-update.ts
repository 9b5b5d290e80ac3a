/**
 * "A new version of the app is ready": set by the service worker's registration (`service-worker.ts`,
 * loaded after the page) and read by the banner, kept apart so workbox-window stays out of the first download.
 */
let waiting: (() => void) | null = null;
const listeners = new Set<() => void>();

export const isUpdateWaiting = () => waiting !== null;

export function subscribeUpdate(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function announceUpdate(apply: () => void): void {
  waiting = apply;
  listeners.forEach((l) => l());
}

/** The learner chose to reload into the new version. */
export const applyUpdate = () => waiting?.();
