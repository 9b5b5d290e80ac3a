import { Workbox } from 'workbox-window';
import { announceUpdate } from './app-update';

/**
 * Registers the service worker (built by vite-plugin-pwa, `vite.config.ts`). A new version of the app
 * installs in the background and waits: the open page keeps the files it started with, so a lesson
 * being read never breaks. The learner sees "a new version is ready" and reloads when it suits them;
 * otherwise it takes over the next time the app is opened.
 */
export function registerServiceWorker(onActive: () => void): void {
  // Service workers need HTTPS or localhost; a commune's plain-HTTP LAN gets the app without offline reading.
  if (!('serviceWorker' in navigator) || !window.isSecureContext || import.meta.env.DEV) return;
  const workbox = new Workbox('/sw.js');
  workbox.addEventListener('waiting', () => announceUpdate(() => workbox.messageSkipWaiting()));
  // The first install: the worker now controls the page and can store what is fetched next.
  workbox.addEventListener('controlling', (event) => {
    if (event.isUpdate) window.location.reload();
    else onActive();
  });
  void workbox.register().then(() => {
    if (navigator.serviceWorker.controller) onActive();
  });
  // A phone left open for days still learns of new versions.
  setInterval(() => void workbox.update(), 60 * 60 * 1000);
}
