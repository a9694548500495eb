// Before an upload: what a file is, from its first bytes (which export, its columns and first rows,
// and a column mapping guessed from the column names), and the checks of an import's options that
// the preview and the import share.

import { PursuitError } from '../../core/errors.js';
import { isValidZone } from '../../core/calendar.js';
import { looksLikeJsonl } from '../../integrations/csv/files.js';
import { FORMATS, createMapper } from '../../integrations/crm/formats.js';
import { GENERIC_FIELDS, parseMapping } from '../../integrations/crm/generic.js';
import { suggestMapping } from '../../integrations/crm/suggest.js';
import type { GenericField, Mapping } from '../../integrations/crm/generic.js';
import { CsvParser } from '../../integrations/csv/parse.js';
import type { FormatName } from '../../integrations/crm/unit.js';
import type { User } from '../../core/records.js';
import type { ImportOptions } from './import.js';

/** An import's options as typed (a form, a query string). */
export interface TypedImportOptions {
  format?: string;
  /** A generic CSV's columns, as `prospect=Company,contact=Name,...`. */
  mapping?: string;
  zone?: string;
}

/** A format as typed (a flag, a form field), checked; undefined when none is given. */
export function checkFormat(
  format: string | undefined,
  code: 'INVALID_INPUT' | 'INVALID_ARGUMENTS' = 'INVALID_INPUT',
): FormatName | undefined {
  if (format === undefined || format === '') return undefined;
  if (!FORMATS.includes(format as FormatName)) {
    throw new PursuitError(code, `expected a format of ${FORMATS.join(', ')}, got "${format}"`, 'format');
  }
  return format as FormatName;
}

export function checkOptions(request: TypedImportOptions): ImportOptions & { mapping?: Mapping } {
  const options: ImportOptions & { mapping?: Mapping } = {};
  const format = checkFormat(request.format);
  if (format !== undefined) options.format = format;
  if (request.mapping !== undefined && request.mapping.trim() !== '') {
    options.mapping = parseMapping(request.mapping);
  }
  if (request.zone !== undefined && request.zone !== '') {
    if (!isValidZone(request.zone))
      throw new PursuitError('INVALID_INPUT', `unknown time zone "${request.zone}"`, 'zone');
    options.zone = request.zone;
  }
  return options;
}

export interface ImportPreview {
  format: FormatName | null;
  /** What the rows are (contacts, companies, deals, activities, prospects), when the format is told. */
  kind: string | null;
  columns: string[];
  /** The first rows, as read. */
  sample: string[][];
  /** Pursuit's fields, for a mapping. */
  fields: GenericField[];
  /** A mapping guessed from the column names (for a generic CSV). */
  suggested: Mapping;
  /** Why the file cannot be imported as it stands (then a format or a mapping is needed). */
  problem: string | null;
}

/** The importer's words for a person at a form, not at a command line. */
function plainly(detail: string): string {
  if (detail.startsWith('cannot tell which export'))
    return 'Pursuit cannot tell which export this is from its columns: choose the format, or map the columns.';
  if (detail.startsWith('no column for the prospect'))
    return 'Choose the column that holds the prospect (the company).';
  return detail;
}

/**
 * What a file is, from its first bytes (`complete`: whether they are the whole file; if not, the
 * last, perhaps cut, row is left out).
 */
export function previewImport(
  actor: User,
  input: { name: string; head: string; complete: boolean } & TypedImportOptions,
  now: number,
): ImportPreview {
  const options = checkOptions(input);
  const empty = { kind: null, columns: [], sample: [], fields: [...GENERIC_FIELDS], suggested: {} };
  if (
    options.format === 'jsonl' ||
    (options.format === undefined && looksLikeJsonl(input.name, input.head))
  ) {
    return { ...empty, format: 'jsonl', kind: 'prospects', problem: null };
  }
  const parser = new CsvParser();
  const records = parser.push(input.head);
  if (input.complete) records.push(...parser.end());
  const [header, ...rows] = records.map((r) => r.fields);
  if (header === undefined) return { ...empty, format: null, problem: 'the file is empty' };
  const view = { ...empty, columns: header, sample: rows.slice(0, 5), suggested: suggestMapping(header) };
  try {
    const mapper = createMapper(header, { zone: options.zone ?? actor.timezone, now }, options);
    return { ...view, format: mapper.format, kind: mapper.kind, problem: null };
  } catch (error) {
    if (!(error instanceof PursuitError)) throw error;
    return { ...view, format: options.format ?? null, problem: plainly(error.detail) };
  }
}
