// Reading inputs for commands: a file path or - for standard input, with errors that name the file.

import { closeSync, createReadStream, openSync, readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
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
