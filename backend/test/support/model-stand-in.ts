import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type StandInBehaviour =
  | { kind: 'stream'; pieces: readonly string[] }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'fail'; status: number }
  | { kind: 'stall-after'; pieces: readonly string[] };

/**
 * An OpenAI-compatible chat endpoint started by the test itself (the one stand-in allowed: no model can
 * be installed here). It answers `POST /v1/chat/completions` as scripted and keeps every request body.
 */
export class ModelStandIn {
  behaviour: StandInBehaviour = { kind: 'stream', pieces: ['Bạn hãy ', 'ngắt mạng ngay [1].'] };
  readonly requests: { messages: { role: string; content: string }[]; model: string; stream: boolean; authorization: string | undefined }[] = [];
  private server: Server | null = null;
  private readonly open = new Set<import('node:http').ServerResponse>();

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  async stop(): Promise<void> {
    for (const res of this.open) res.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private async handle(req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    if (req.url !== '/v1/chat/completions') {
      res.writeHead(404).end();
      return;
    }
    this.requests.push({ ...(JSON.parse(body) as { messages: { role: string; content: string }[]; model: string; stream: boolean }), authorization: req.headers.authorization });
    this.open.add(res);
    res.on('close', () => this.open.delete(res));
    const b = this.behaviour;
    const chunk = (text: string) => `data: ${JSON.stringify({ choices: [{ delta: { content: text } }] })}\n\n`;
    switch (b.kind) {
      case 'fail':
        res.writeHead(b.status, { 'content-type': 'application/json' }).end('{"error":"boom"}');
        return;
      case 'slow':
        await new Promise((r) => setTimeout(r, b.delayMs));
        if (!res.destroyed) res.writeHead(200, { 'content-type': 'text/event-stream' }).end(`${chunk('Muộn quá')}data: [DONE]\n\n`);
        return;
      case 'stall-after':
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        for (const p of b.pieces) res.write(chunk(p));
        return; // never ends: the client must give up on its own
      case 'stream':
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        for (const p of b.pieces) {
          res.write(chunk(p));
          await new Promise((r) => setTimeout(r, 20));
        }
        res.end('data: [DONE]\n\n');
    }
  }
}
