// The lesson-read ceiling: a bare node:http server answering every request with the same JSON body
// the API returned for the measured lesson (BENCH_BODY_FILE), on 127.0.0.1:PORT. No framework, no
// database, no session: what Node itself can serve on this machine.
import { readFileSync } from 'node:fs';
import http from 'node:http';

const body = readFileSync(process.env.BENCH_BODY_FILE ?? '');
const headers = { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length };

http
  .createServer((_req, res) => {
    res.writeHead(200, headers);
    res.end(body);
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
