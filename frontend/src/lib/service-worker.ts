import { Workbox } from 'workbox-window';

/**
 * Registers the service worker (built by vite-plugin-pwa, `vite.config.ts`). A new version of the app
 * installs in the background and waits: the open page keeps the files it started with, so a lesson
 * being read never breaks. The learner sees "a new version is ready" and reloads when it suits them;
 * otherwise it takes over the next time the app is opened.
 */
let workbox: Workbox | null = null;
let updateWaiting = false;
const listeners = new Set<() => void>();

export const isUpdateWaiting = () => updateWaiting;

export function subscribeUpdate(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function registerServiceWorker(onActive: () => void): void {
  // Service workers need HTTPS or localhost; a commune's plain-HTTP LAN gets the app without offline reading.
  if (!('serviceWorker' in navigator) || !window.isSecureContext || import.meta.env.DEV) return;
  workbox = new Workbox('/sw.js');
  workbox.addEventListener('waiting', () => {
    updateWaiting = true;
    listeners.forEach((l) => l());
  });
  // The first install: the worker now controls the page and can store what is fetched next.
  workbox.addEventListener('controlling', (event) => {
    if (event.isUpdate) window.location.reload();
    else onActive();
  });
  void workbox.register().then(() => {
    if (navigator.serviceWorker.controller) onActive();
  });
  // A phone left open for days still learns of new versions.
  setInterval(() => void workbox?.update(), 60 * 60 * 1000);
}

/** The learner chose to reload into the new version. */
export function applyUpdate(): void {
  if (!workbox) return;
  workbox.messageSkipWaiting();
}
