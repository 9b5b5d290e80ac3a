// The lesson-read ceiling: a bare node:http server answering every request with the same bytes the
// API sent for the measured lesson: its JSON (BENCH_BODY_FILE) Brotli-compressed as the API does, once
// (quality 11, so the very same bytes), on 127.0.0.1:PORT. No framework, no database, no session: what
// Node itself can serve on this machine.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { brotliCompressSync, constants } from 'node:zlib';

const json = readFileSync(process.env.BENCH_BODY_FILE ?? '');
const body = brotliCompressSync(json, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: json.length, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } });
const headers = { 'content-type': 'application/json; charset=utf-8', 'content-encoding': 'br', vary: 'Accept-Encoding', 'content-length': body.length };

http
  .createServer((_req, res) => {
    res.writeHead(200, headers);
    res.end(body);
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
