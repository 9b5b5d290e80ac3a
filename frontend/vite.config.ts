import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const STUDIO = /\/(features\/studio\/|app\/routes\/studio-|locales\/\w+\/studio\.json)/;

/**
 * The stylesheet (about 4 KB compressed) goes inside index.html: the first screen paints as soon as the
 * page arrives instead of after one more round trip, 400 ms on a weak connection. (It is the only CSS.)
 */
const inlineStylesheet = (): Plugin => ({
  name: 'bdhvs-inline-stylesheet',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(html, ctx) {
      for (const [name, file] of Object.entries(ctx.bundle ?? {})) {
        if (file.type !== 'asset' || !name.endsWith('.css')) continue;
        const link = new RegExp(`<link rel="stylesheet"[^>]*href="/${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`);
        if (!link.test(html)) continue;
        html = html.replace(link, () => `<style>${String(file.source).trim()}</style>`);
        // The file stays: a lazy chunk that lists it among its dependencies may still ask for it.
      }
      return html;
    },
  },
});

/**
 * `route-preloads.json`: for each address pattern of `src/app/router.tsx`, the page's own chunks (those
 * the entry does not already load). The server names them in the HTML it sends for that address
 * (`<link rel="modulepreload">`), so a first visit fetches the page's code alongside the entry instead
 * of one round trip after it.
 */
const routePreloads = (): Plugin => ({
  name: 'bdhvs-route-preloads',
  apply: 'build',
  generateBundle(_, bundle) {
    const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
    const byName = new Map(chunks.map((c) => [c.fileName, c]));
    const closure = (file: string, seen = new Set<string>()) => {
      if (seen.has(file)) return seen;
      seen.add(file);
      for (const imported of byName.get(file)?.imports ?? []) closure(imported, seen);
      return seen;
    };
    const entry = chunks.find((c) => c.isEntry);
    const shared = entry ? closure(entry.fileName) : new Set<string>();
    const routes = [...readFileSync('src/app/router.tsx', 'utf8').matchAll(/path: '([^']+)', element: page\(\(\) => import\('\.\/routes\/([^']+)'\)\)/g)].flatMap(([, path, page]) => {
      const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(`/src/app/routes/${page}.tsx`));
      return chunk ? [{ path, files: [...closure(chunk.fileName)].filter((f) => !shared.has(f)).map((f) => `/${f}`) }] : [];
    });
    this.emitFile({ type: 'asset', fileName: 'route-preloads.json', source: JSON.stringify(routes) });
  },
});

export default defineConfig({
  plugins: [
    react(),
    inlineStylesheet(),
    routePreloads(),
    // The service worker (Workbox): the app shell is precached, so every page opens offline; API answers
    // and media are cached as they are read (and warmed for enrolled courses, `lib/offline-courses.ts`).
    // A new version waits until the learner chooses to reload (`lib/service-worker.ts`): an open lesson
    // keeps the files it was built with.
    VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Bình dân học vụ số',
        short_name: 'Học vụ số',
        description: 'Học kỹ năng số cơ bản, miễn phí, cho mọi người dân.',
        lang: 'vi',
        start_url: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0b5394',
        icons: [{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,woff2}'],
        // Administrators' pages and the authoring studio stay out of a learner's first download; they load when opened.
        globIgnores: ['**/admin-*.js', '**/studio-*'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/\.well-known\//, /^\/robots\.txt$/],
        cleanupOutdatedCaches: true,
        // The first install takes the open page at once (nothing older to break); later versions wait.
        clientsClaim: true,
        runtimeCaching: [
          {
            // Course media and lessons' audio (named by the hash of their words): they never change.
            urlPattern: ({ url, sameOrigin }) => sameOrigin && /^\/api\/courses\/[^/]+\/(media\/|lessons\/[^/]+\/audio\/[0-9a-f]{64}\.mp3$)/.test(url.pathname),
            handler: 'CacheFirst',
            options: {
              cacheName: 'bdhvs-media',
              cacheableResponse: { statuses: [200] },
              rangeRequests: true,
              expiration: { maxEntries: 300, maxAgeSeconds: 60 * 60 * 24 * 60 },
            },
          },
          {
            // What a learner reads again offline: who they are, their courses, course pages, lessons, quiz overviews.
            // (Workbox copies these functions into the worker as text: they may not use anything from this file.)
            urlPattern: ({ url, sameOrigin }) =>
              sameOrigin && /^\/api\/(auth\/me|me\/learning|me\/records|framework|certification|self-assessment|courses(\/[^/]+(\/progress|\/lessons\/[^/]+|\/quizzes\/[^/]+)?)?)$/.test(url.pathname),
            handler: 'NetworkFirst',
            options: {
              cacheName: 'bdhvs-api',
              // On a weak connection a saved lesson after a few seconds beats a spinner.
              networkTimeoutSeconds: 8,
              cacheableResponse: { statuses: [200] },
              expiration: { maxEntries: 500 },
            },
          },
        ],
      },
    }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2020',
    rollupOptions: {
      output: {
        // Chunks holding only the studio's code are named studio-*, which the service worker leaves out.
        chunkFileNames: (chunk) =>
          chunk.moduleIds.length > 0 && chunk.moduleIds.every((id) => STUDIO.test(id)) && !chunk.name.startsWith('studio') ? 'assets/studio-[name]-[hash].js' : 'assets/[name]-[hash].js',
      },
    },
    // The stylesheet is inside index.html (`inlineStylesheet`): the pages need not fetch it again.
    modulePreload: { resolveDependencies: (_file, deps) => deps.filter((dep) => !dep.endsWith('.css')) },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
