import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { foldVietnamese } from '../../src/common/text/normalize';

const DIMENSIONS = 1024;

/**
 * Slang the stand-in "understands" as a real model would (folded words → their plain meaning): the
 * one thing a vector adds that full text cannot, tested with "dế yêu" (a phone) and "sập nguồn".
 */
const MEANINGS: [RegExp, string][] = [
  [/\bde yeu\b/g, 'dien thoai'],
  [/\bsap nguon\b/g, 'may cham hoac bi treo khoi dong lai'],
];

/**
 * A deterministic embedding: folded syllables and syllable pairs hashed (FNV-1a) into signed buckets,
 * normalised. Texts sharing words are close, as with a real model; the same text gives the same vector.
 */
export function standInVector(text: string): number[] {
  let folded = foldVietnamese(text);
  for (const [pattern, meaning] of MEANINGS) folded = folded.replace(pattern, meaning);
  const words = folded.match(/[a-z0-9]+/g) ?? [];
  const v = new Array<number>(DIMENSIONS).fill(0);
  const add = (feature: string) => {
    let h = 2166136261;
    for (const ch of feature) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
    v[(h >>> 0) % DIMENSIONS]! += (h >>> 16) & 1 ? 1 : -1;
  };
  words.forEach((w, i) => {
    add(w);
    if (words[i + 1]) add(`${w}_${words[i + 1]}`);
  });
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

export type EmbeddingsBehaviour = { kind: 'ok' } | { kind: 'fail'; status: number } | { kind: 'slow'; delayMs: number };

/**
 * An OpenAI-compatible embedding endpoint started by the test (`POST /v1/embeddings`), answering with
 * `standInVector` of each input. Keeps every request's inputs, so a test sees what was (re-)embedded.
 */
export class EmbeddingsStandIn {
  behaviour: EmbeddingsBehaviour = { kind: 'ok' };
  readonly requests: { model: string; input: string[]; authorization: string | undefined }[] = [];
  private server: Server | null = null;

  get embeddedTexts(): string[] {
    return this.requests.flatMap((r) => r.input);
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    if (req.url !== '/v1/embeddings' || req.method !== 'POST') return void res.writeHead(404).end();
    const { model, input } = JSON.parse(body) as { model: string; input: string | string[] };
    const inputs = Array.isArray(input) ? input : [input];
    this.requests.push({ model, input: inputs, authorization: req.headers.authorization });
    const b = this.behaviour;
    if (b.kind === 'fail') return void res.writeHead(b.status, { 'content-type': 'application/json' }).end('{"error":"boom"}');
    if (b.kind === 'slow') await new Promise((r) => setTimeout(r, b.delayMs).unref());
    if (res.destroyed) return;
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({ object: 'list', model, data: inputs.map((text, index) => ({ object: 'embedding', index, embedding: standInVector(text) })) }),
    );
  }
}
