// Summarises a V8 .cpuprofile (from BENCH_API_NODE_ARGS=--cpu-prof), optionally for one stretch of it.
//   node bench/profile-summary.mjs <file.cpuprofile> [--from 0.7] [--to 1] [--top 30]
// --from/--to are fractions of the profile's duration: one profile covers every measurement of a run in
// order (health, lesson read, progress write, quiz submit), so the last stretch is the quiz submission.
// Prints the functions with the most self time and the most total time (time with them on the stack).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: { from: { type: 'string', default: '0' }, to: { type: 'string', default: '1' }, top: { type: 'string', default: '30' } },
});
if (positionals.length !== 1) {
  console.error('usage: node bench/profile-summary.mjs <file.cpuprofile> [--from 0..1] [--to 0..1] [--top N]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(positionals[0], 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);

const label = (n) => {
  const { functionName, url, lineNumber } = n.callFrame;
  const file = url ? url.replace(/^.*\/(node_modules\/|backend\/dist\/)/, '$1') : '';
  return `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
};

// Sample i lasts timeDeltas[i + 1]; keep the samples whose start falls in the chosen stretch.
const starts = [];
let t = profile.startTime;
for (const d of profile.timeDeltas) starts.push((t += d));
const span = profile.endTime - profile.startTime;
const from = profile.startTime + Number(opts.from) * span;
const to = profile.startTime + Number(opts.to) * span;

const self = new Map();
const total = new Map();
let kept = 0;
for (let i = 0; i < profile.samples.length; i++) {
  if (starts[i] < from || starts[i] > to) continue;
  const us = (profile.timeDeltas[i + 1] ?? 0);
  kept += us;
  let id = profile.samples[i];
  self.set(label(nodes.get(id)), (self.get(label(nodes.get(id))) ?? 0) + us);
  const seen = new Set();
  for (; id !== undefined; id = parent.get(id)) {
    const name = label(nodes.get(id));
    if (seen.has(name)) continue;
    seen.add(name);
    total.set(name, (total.get(name) ?? 0) + us);
  }
}

const top = Number(opts.top);
const show = (title, map) => {
  console.log(`\n${title}`);
  for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((us / kept) * 100).toFixed(1).padStart(6)} %  ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`);
  }
};
console.log(`${(kept / 1e6).toFixed(1)} s of samples between ${opts.from} and ${opts.to} of the profile`);
show('self time', self);
show('total time', total);
