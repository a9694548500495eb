// Reading inputs and writing outputs for commands: a file path or - for standard input, with errors
// that name the file.

import {
  closeSync,
  createReadStream,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { PursuitError } from '../core/errors.js';

export function readInput(path: string, stdin: Readable): Promise<string> {
  if (path !== '-') return Promise.resolve(readTextFile(path, 'FILE'));
  return new Promise((resolve, reject) => {
    let text = '';
    stdin.setEncoding('utf8');
    stdin.on('data', (chunk: string) => (text += chunk));
    stdin.on('end', () => resolve(text));
    stdin.on('error', reject);
  });
}

export function readTextFile(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw unreadable(error, path, what);
  }
}

function unreadable(error: unknown, path: string, what: string): PursuitError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
  return new PursuitError('FILE_NOT_READABLE', `cannot read ${what} "${path}": ${reason}`);
}

/** A stream of the file, after checking it opens so that a missing file is named before any output. */
export function openTextStream(path: string, what: string): Readable {
  try {
    closeSync(openSync(path, 'r'));
  } catch (error) {
    throw unreadable(error, path, what);
  }
  return createReadStream(path);
}

/**
 * Writes a whole file at once (never half of one): to `path`, or into it under `name` when it is a
 * folder. Returns the path written. A file that cannot be written is a bad argument, named.
 */
export function writeTextFile(path: string, name: string, text: string, field: string): string {
  let target = path;
  try {
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory() === true) target = join(path, name);
    const partial = `${target}.partial`;
    writeFileSync(partial, text);
    renameSync(partial, target);
    return target;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such folder' : (error as Error).message;
    throw new PursuitError('INVALID_ARGUMENTS', `cannot write "${target}": ${reason}`, field);
  }
}

/**
 * A secret typed at a terminal (not echoed), or the first line of piped input (scripts:
 * `echo "$PASSWORD" | pursuit user password`).
 */
export async function readSecret(stdin: Readable, stderr: Writable, prompt: string): Promise<string> {
  const tty = stdin as Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => void };
  if (tty.isTTY === true && tty.setRawMode !== undefined) {
    stderr.write(prompt);
    tty.setRawMode(true);
    stdin.setEncoding('utf8');
    return new Promise((resolve, reject) => {
      let typed = '';
      const onData = (chunk: string) => {
        for (const ch of chunk) {
          if (ch === '\r' || ch === '\n') return finish();
          if (ch === '\u0003') return finish(new Error('cancelled'));
          if (ch === '\u007f') typed = typed.slice(0, -1);
          else typed += ch;
        }
      };
      const finish = (error?: Error) => {
        stdin.off('data', onData);
        tty.setRawMode?.(false);
        stdin.pause();
        stderr.write('\n');
        if (error === undefined) resolve(typed);
        else reject(error);
      };
      stdin.on('data', onData);
      stdin.resume();
    });
  }
  const text = await readInput('-', stdin);
  return text.split(/\r?\n/)[0] ?? '';
}
