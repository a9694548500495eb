// What an import is given: the files or streams to read, and how (format, column mapping, ids'
// namespace, all-or-nothing or skipping bad rows, time zone, progress and Ctrl-C).

import type { Mapping } from '../../integrations/crm/generic.js';
import type { ByteSource } from '../../integrations/csv/read.js';
import type { FormatName } from '../../integrations/crm/unit.js';

export interface ImportInput {
  /** A file to read (streamed, never read whole). */
  path?: string;
  /** Or a byte stream, such as standard input. */
  stream?: ByteSource;
  /** The name in reports (default: the path, or "stdin"). */
  name?: string;
}

export interface ImportOptions {
  /** Default: from the header row (JSON Lines from a .jsonl name or a first "{"). */
  format?: FormatName;
  /** A generic CSV's columns: an object, or the text of `--map prospect=Company,contact=Name,...`. */
  mapping?: Mapping | string;
  /** The namespace of a generic file's ids (default "pursuit" without a mapping, else "csv"). */
  system?: string;
  /** Import the good rows and write the bad ones to `rejectsPath`, instead of all-or-nothing. */
  skipBad?: boolean;
  /** Where rejected rows go (line, reason, then the original row). Several inputs: one file each. */
  rejectsPath?: string;
  /** The zone of times exported without an offset (default: the importing user's). */
  zone?: string;
  /** Called after each chunk; an import waits for a promise it returns. */
  onProgress?: (progress: ImportProgress) => unknown;
  /** Called after each batch of decisions, with how many of how many are done. */
  onDecide?: (decided: number, total: number) => unknown;
  /** Rows read, and prospects decided, per chunk (default 2,000 CSV rows, 500 JSON lines, 5,000 decisions). */
  batchRows?: number;
  /** Abort (Ctrl-C): the transaction rolls back and nothing is written. */
  signal?: AbortSignal;
}

export interface ImportProgress {
  file: string;
  bytesRead: number;
  bytesTotal: number | undefined;
  rows: number;
  rejected: number;
}
