// A progress bar on standard error, for long commands run at a terminal: none when standard error
// is not a terminal or the output is JSON for scripts.

import cliProgress from 'cli-progress';
import type { Io } from './program.js';

export function progressBar(
  io: Io,
  json: boolean | undefined,
  format: string,
  options: { etaBuffer?: number } = {},
): cliProgress.SingleBar | undefined {
  if ((io.stderr as { isTTY?: boolean }).isTTY !== true || json === true) return undefined;
  return new cliProgress.SingleBar(
    { format, stream: io.stderr as NodeJS.WriteStream, hideCursor: true, ...options },
    cliProgress.Presets.shades_classic,
  );
}
