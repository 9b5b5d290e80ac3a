// Initial JavaScript of each learner route, gzip (not a test). Run: npm run bench:js
//
// Builds the web app into a temporary folder with Vite's manifest, then for each route adds up what
// the browser must load before the page shows: the entry chunk and the route's chunk, each with every
// chunk it imports statically. Lazy chunks (other pages, the English translation) are not counted.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 150;
const FRONTEND = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'frontend');
/** The pages a learner goes through, by their source file (the manifest's keys). */
const LEARNER_ROUTES = {
  '/ (home)': 'home', '/khoa-hoc (catalogue, course)': 'catalogue', '/khoa-hoc/:slug/bai/:lesson (lesson)': 'lesson',
  '/khoa-hoc/:slug/kiem-tra/:quiz (quiz)': 'quiz', '/bai-kiem-tra/:id (attempt, results)': 'attempt', '/hoc-tap (my learning)': 'my-learning',
  '/tu-danh-gia (self-assessment)': 'self-assessment', '/tu-danh-gia/:id': 'self-assessment-attempt', '/chung-nhan (records)': 'records',
  '/dang-nhap (sign in)': 'login', '/dang-ky (register)': 'register', '/ho-so (profile)': 'profile',
};

const out = mkdtempSync(path.join(os.tmpdir(), 'bdhvs-js-'));
try {
  execFileSync('npx', ['vite', 'build', '--manifest', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], { cwd: FRONTEND, stdio: 'inherit' });
  const manifest = JSON.parse(readFileSync(path.join(out, '.vite', 'manifest.json'), 'utf8'));
  const gzipKb = new Map();
  const sizeOf = (file) => {
    if (!gzipKb.has(file)) gzipKb.set(file, gzipSync(readFileSync(path.join(out, file))).length / 1024);
    return gzipKb.get(file);
  };
  /** A chunk and everything it imports statically, as manifest keys. */
  const closure = (key, seen = new Set()) => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const imported of manifest[key].imports ?? []) closure(imported, seen);
    return seen;
  };
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
  const rows = Object.entries(LEARNER_ROUTES).map(([route, page]) => {
    const key = `src/app/routes/${page}.tsx`;
    if (!manifest[key]) throw new Error(`no chunk for ${key}: is it still a lazy route?`);
    const chunks = [...closure(entry, closure(key))].map((k) => manifest[k].file).filter((file) => file.endsWith('.js'));
    return { route, chunks: chunks.length, kb: chunks.reduce((sum, file) => sum + sizeOf(file), 0) };
  });
  const width = Math.max(...rows.map((r) => r.route.length));
  console.log(`\nInitial JavaScript per learner route (gzip; budget ${BUDGET_KB} KB)\n`);
  console.log(`${'route'.padEnd(width)}  chunks  KB gzip  result`);
  for (const r of rows) console.log(`${r.route.padEnd(width)}  ${String(r.chunks).padStart(6)}  ${r.kb.toFixed(1).padStart(7)}  ${r.kb <= BUDGET_KB ? 'PASS' : 'MISS'}`);
  console.log(`\nshared by every route (the entry and its imports): ${[...closure(entry)].reduce((sum, k) => sum + (manifest[k].file.endsWith('.js') ? sizeOf(manifest[k].file) : 0), 0).toFixed(1)} KB`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
