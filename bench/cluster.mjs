// Runs a server entry point in N processes that share one port, with Node's `cluster` module:
//   node bench/cluster.mjs <processes> <entry.js>
// The benchmark uses it for the API (backend/dist/backend/src/main.js) and for the bare Node server,
// so both are measured with the same number of processes. SIGTERM/SIGINT stop every worker.
import cluster from 'node:cluster';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [count, entry] = process.argv.slice(2);
const processes = Number(count);
if (!Number.isInteger(processes) || processes < 1 || !entry) {
  console.error('usage: node bench/cluster.mjs <processes> <entry.js>');
  process.exit(2);
}

if (cluster.isPrimary) {
  let stopping = false;
  let alive = processes;
  const stop = (code) => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    setTimeout(() => process.exit(code), 15_000).unref();
  };
  cluster.on('exit', (worker, code, signal) => {
    alive--;
    if (!stopping) {
      console.error(`cluster: worker ${worker.process.pid} exited (${signal ?? code}); stopping the others`);
      stop(1);
    }
    if (alive === 0) process.exit(0);
  });
  process.on('SIGTERM', () => stop(0));
  process.on('SIGINT', () => stop(0));
  for (let i = 0; i < processes; i++) cluster.fork();
} else {
  await import(pathToFileURL(path.resolve(entry)).href);
}
