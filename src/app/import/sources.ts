// The inputs of an import, before any transaction: each file's size and format (JSON Lines or which
// CSV export, told from its first bytes), the order to read them in, where its rejects go, and
// then its bytes (a stream is peeked at to tell JSON Lines from CSV).

import { stat } from 'node:fs/promises';
import { PursuitError } from '../../core/errors.js';
import { ByteDecoder } from '../../integrations/csv/decode.js';
import { fileBytes, looksLikeJsonl, peek, readHead, rejectsPathFor } from '../../integrations/csv/files.js';
import { createMapper, kindRank } from '../../integrations/crm/formats.js';
import type { Mapping } from '../../integrations/crm/generic.js';
import { CsvParser } from '../../integrations/csv/parse.js';
import type { ByteSource } from '../../integrations/csv/read.js';
import type { FormatName, MapContext } from '../../integrations/crm/unit.js';
import type { ImportInput, ImportOptions } from './options.js';

export interface Source {
  input: ImportInput;
  name: string;
  size: number | undefined;
  jsonl: boolean;
  rank: number;
  rejectsPath: string | undefined;
}

/** Looks at every input, failing early on one that cannot be read or told, and puts them in order. */
export async function prepare(
  inputs: ImportInput[],
  options: ImportOptions,
  mapContext: MapContext,
  mapping: Mapping | undefined,
): Promise<Source[]> {
  const sources: Source[] = [];
  for (const [index, input] of inputs.entries()) {
    const name = input.name ?? input.path ?? 'stdin';
    let size: number | undefined;
    let rank = 1;
    let jsonl = options.format === 'jsonl';
    if (input.path !== undefined) {
      try {
        size = (await stat(input.path)).size;
        const bytes = await readHead(input.path);
        const decoder = new ByteDecoder();
        const text = decoder.push(bytes);
        jsonl = options.format === undefined ? looksLikeJsonl(name, text) : jsonl;
        if (!jsonl) {
          const parser = new CsvParser();
          const records = parser.push(text);
          const header = (records.length > 0 ? records : parser.end())[0]?.fields;
          // Fails early, before any transaction, on a file whose format cannot be told.
          if (header !== undefined)
            rank = kindRank(createMapper(header, mapContext, { ...options, mapping }).kind);
        }
      } catch (error) {
        if (error instanceof PursuitError)
          throw new PursuitError(error.code, `${name}: ${error.detail}`, error.path);
        throw new PursuitError(
          'FILE_NOT_READABLE',
          `cannot read ${name}: ${(error as Error).message}`,
          'file',
        );
      }
    } else if (input.stream === undefined) {
      throw new PursuitError('INVALID_ARGUMENTS', 'give a file to import (or a stream)', 'file');
    }
    sources.push({
      input,
      name,
      size,
      jsonl,
      rank,
      rejectsPath: rejectsPathFor(
        options.rejectsPath,
        inputs.map((i) => i.name ?? i.path ?? 'stdin'),
        index,
      ),
    });
  }
  // Companies before people, people before deals and activities, so every reference is known.
  return inputs.every((i) => i.path !== undefined) ? [...sources].sort((a, b) => a.rank - b.rank) : sources;
}

/** The source's bytes, and whether they are JSON Lines (a stream's first bytes tell, unless a format is given). */
export async function openSource(
  source: Source,
  format: FormatName | undefined,
): Promise<{ bytes: ByteSource; jsonl: boolean }> {
  if (source.input.path !== undefined) return { bytes: fileBytes(source.input.path), jsonl: source.jsonl };
  const peeked = await peek(source.input.stream as ByteSource);
  return {
    bytes: peeked.source,
    jsonl: format === undefined ? looksLikeJsonl(source.name, peeked.first) : source.jsonl,
  };
}
