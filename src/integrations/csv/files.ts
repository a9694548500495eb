// Files and streams for imports: reading a file in large chunks, its first bytes (to tell JSON Lines
// from CSV and read the header), a stream's first chunk without losing it, and the rejects file.

import { createReadStream, createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { PursuitError } from '../../core/errors.js';
import type { ByteSource } from './read.js';
import { csvLine } from './write.js';

export async function* fileBytes(path: string): AsyncGenerator<Uint8Array> {
  yield* createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>;
}

/** The first bytes of a file, for telling JSON Lines from CSV and reading the header. */
export async function readHead(path: string): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(65_536);
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

export function looksLikeJsonl(name: string, first: string): boolean {
  return /\.(jsonl|ndjson|json)$/i.test(name) || first.trimStart().startsWith('{');
}

/** A stream whose first chunk has been looked at, replayed in front of the rest. */
export async function peek(stream: ByteSource): Promise<{ first: string; source: ByteSource }> {
  const iterator = stream[Symbol.asyncIterator]();
  const next = await iterator.next();
  const chunk = next.done === true ? undefined : next.value;
  const first =
    chunk === undefined ? '' : typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('latin1');
  async function* replay(): AsyncGenerator<Uint8Array | string> {
    if (chunk !== undefined) yield chunk;
    if (next.done === true) return;
    for (;;) {
      const r = await iterator.next();
      if (r.done === true) return;
      yield r.value;
    }
  }
  return { first, source: replay() };
}

/** One rejects file per input (each keeps its own columns): rejects.csv -> rejects-contacts.csv. */
export function rejectsPathFor(path: string | undefined, names: string[], index: number): string | undefined {
  if (path === undefined || names.length === 1) return path;
  const stem = (i: number) => basename(names[i] ?? 'stdin').replace(/\.[^.]*$/, '');
  const clash = names.some((_, i) => i !== index && stem(i) === stem(index));
  const ext = extname(path);
  return `${path.slice(0, path.length - ext.length)}-${stem(index)}${clash ? `-${index + 1}` : ''}${ext || '.csv'}`;
}

export class RejectsFile {
  private out: WriteStream;
  private failure: Error | undefined;

  constructor(readonly path: string) {
    this.out = createWriteStream(path);
    this.out.on('error', (error) => (this.failure = error));
  }

  private check(): void {
    if (this.failure !== undefined) {
      throw new PursuitError(
        'INVALID_ARGUMENTS',
        `cannot write the rejects file ${this.path}: ${this.failure.message}`,
        'rejects',
      );
    }
  }

  async write(fields: string[]): Promise<void> {
    this.check();
    if (!this.out.write(csvLine(fields))) {
      await new Promise<void>((resolve) => {
        this.out.once('drain', () => resolve());
        this.out.once('error', () => resolve());
      });
      this.check();
    }
  }

  async close(): Promise<void> {
    if (this.failure === undefined) {
      await new Promise<void>((resolve) => {
        this.out.once('error', () => resolve());
        this.out.end(() => resolve());
      });
    }
    this.check();
  }
}
