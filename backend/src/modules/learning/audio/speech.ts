import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

/** espeak-ng's Vietnamese voice (Debian package espeak-ng), a little slower than its default for new listeners. */
const VOICE = ['-v', 'vi', '-s', '150'];
/** 24 kbit/s mono MP3 at espeak's 22.05 kHz: clear speech, about 180 KB a minute on a weak connection. */
const KBPS = 24;

export const speechAvailable = (): boolean => spawnSync('espeak-ng', ['--version'], { stdio: 'ignore' }).status === 0;

type Lame = {
  Mp3Encoder: new (channels: number, sampleRate: number, kbps: number) => { encodeBuffer(s: Int16Array): Int8Array; flush(): Int8Array };
  WavHeader: { readHeader(view: DataView): { dataOffset: number; dataLen: number; sampleRate: number; channels: number } };
};
let lame: Lame | undefined;
/** lamejs (pure JavaScript) ships its CommonJS build as a script that defines `lamejs`: evaluated once here. */
function encoder(): Lame {
  const file = require.resolve('@breezystack/lamejs');
  return (lame ??= vm.runInThisContext(`${readFileSync(file, 'utf8')}\n;lamejs`, { filename: file }) as Lame);
}

/** The text read aloud as a WAV file (espeak-ng reads it from stdin, so nothing of it reaches a command line). */
function speak(text: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('espeak-ng', [...VOICE, '--stdout'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => (err += String(b)));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out)) : reject(new Error(`espeak-ng exited with ${code}: ${err.slice(0, 200)}`))));
    child.stdin.end(text);
  });
}

/** WAV (16-bit mono) → MP3. */
export function toMp3(wav: Buffer): Buffer {
  const { Mp3Encoder, WavHeader } = encoder();
  const header = WavHeader.readHeader(new DataView(wav.buffer, wav.byteOffset, wav.byteLength));
  // espeak-ng's streamed WAV states no length: the samples run to the end of the file.
  const bytes = wav.subarray(header.dataOffset);
  const samples = new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + (bytes.byteLength & ~1)));
  const mp3 = new Mp3Encoder(1, header.sampleRate, KBPS);
  const parts: Buffer[] = [];
  for (let i = 0; i < samples.length; i += 1152) parts.push(Buffer.from(mp3.encodeBuffer(samples.subarray(i, i + 1152))));
  parts.push(Buffer.from(mp3.flush()));
  return Buffer.concat(parts);
}

export async function synthesise(text: string): Promise<Buffer> {
  return toMp3(await speak(text));
}
