// Writes a Brotli (.br) and a gzip (.gz) twin beside every text file of the built app, once at build
// time at the highest quality, so the server sends them as they are (see backend/src/bootstrap/web-app.ts).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TEXT = /\.(js|mjs|css|html|svg|json|webmanifest|txt|vtt)$/;
/** Smaller files fit in one packet anyway; the server then sends them plain. */
const MIN_BYTES = 1024;

const dist = path.resolve(process.argv[2] ?? 'dist');
const files = (dir) => readdirSync(dir).flatMap((name) => (statSync(path.join(dir, name)).isDirectory() ? files(path.join(dir, name)) : [path.join(dir, name)]));

let plain = 0;
let br = 0;
for (const file of files(dist).filter((f) => TEXT.test(f))) {
  const data = readFileSync(file);
  if (data.length < MIN_BYTES) continue;
  const brotli = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } });
  writeFileSync(`${file}.br`, brotli);
  writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
  plain += data.length;
  br += brotli.length;
}
console.log(`precompressed: ${(plain / 1024).toFixed(0)} KB of text → ${(br / 1024).toFixed(0)} KB Brotli`);
