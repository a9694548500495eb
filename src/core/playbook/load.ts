// Loads a playbook document (YAML or JSON text) into the validated, compiled Playbook the engine
// reads. A document with `extends: default` only lists what it changes; it is merged onto the base.

import { parse as parseYaml, YAMLParseError } from 'yaml';
import { BusinessCalendar } from '../calendar.js';
import { PursuitError } from '../errors.js';
import { compileValidator } from '../validation.js';
import { OPTIONAL_TEMPLATES, PlaybookDocument, TEMPLATE_NAMES } from './schema.js';
import type { PlaybookDoc, TemplateName } from './schema.js';
import { compileText, slotIndexes } from './template.js';
import type { CompiledText } from './template.js';

export interface CompiledTemplate {
  subject: CompiledText;
  body: CompiledText;
  voicemail: CompiledText;
  /** The variables the three read, by index (for slotsOf). */
  slots: readonly number[];
}

export interface Playbook {
  readonly doc: PlaybookDoc;
  /** `id@version`, recorded on every decision. */
  readonly version: string;
  readonly calendar: BusinessCalendar;
  readonly templates: Readonly<Record<TemplateName, CompiledTemplate>>;
}

const validator = compileValidator(PlaybookDocument);

function fail(path: string, message: string): never {
  throw new PursuitError('INVALID_PLAYBOOK', message, path);
}

function minutesOfDay(clock: string): number {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Objects merge key by key; anything else (arrays included) replaces. */
export function mergeDocuments(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) out[key] = mergeDocuments(base[key], value);
  return out;
}

/** Parses YAML (JSON is YAML too); a syntax error names its line. */
export function parseDocument(text: string): unknown {
  try {
    return parseYaml(text, { prettyErrors: true });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const line = error.linePos?.[0].line;
      fail(
        '',
        `not valid YAML${line === undefined ? '' : ` (line ${line})`}: ${error.message.split('\n')[0]}`,
      );
    }
    throw error;
  }
}

function checkSemantics(doc: PlaybookDoc): void {
  if (minutesOfDay(doc.calendar.start) >= minutesOfDay(doc.calendar.end)) {
    fail(
      'calendar.end',
      `expected a time after calendar.start (${doc.calendar.start}), got "${doc.calendar.end}"`,
    );
  }
  doc.calendar.holidays.forEach((date, i) => {
    const parsed = new Date(`${date}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
      fail(`calendar.holidays.${i}`, `expected a real date like 2026-12-25, got "${date}"`);
    }
  });
  const f = doc.followUp;
  for (const key of ['reached', 'neverReached'] as const) {
    if (f.minimumTouches[key] > f.hardMaximum) {
      fail(
        `followUp.minimumTouches.${key}`,
        `expected at most followUp.hardMaximum (${f.hardMaximum}), got ${f.minimumTouches[key]}`,
      );
    }
  }
}

function compileTemplates(doc: PlaybookDoc): Record<TemplateName, CompiledTemplate> {
  const out = {} as Record<TemplateName, CompiledTemplate>;
  for (const name of TEMPLATE_NAMES) {
    const compiled = {} as Record<'subject' | 'body' | 'voicemail', CompiledText>;
    const fallback = OPTIONAL_TEMPLATES[name];
    const source =
      (doc.templates[name] as PlaybookDoc['templates'][TemplateName] | undefined) ??
      doc.templates[fallback ?? name];
    for (const field of ['subject', 'body', 'voicemail'] as const) {
      const result = compileText(source[field]);
      if ('error' in result) fail(`templates.${name}.${field}`, result.error);
      compiled[field] = result;
    }
    out[name] = { ...compiled, slots: slotIndexes(compiled.subject, compiled.body, compiled.voicemail) };
  }
  return out;
}

/** Validates a parsed document (merged onto `base` when it says `extends: default`). */
export function compilePlaybook(input: unknown, base?: unknown): Playbook {
  let raw = input;
  if (isPlainObject(raw) && 'extends' in raw) {
    if (raw.extends !== 'default' || base === undefined) {
      fail('extends', `expected "default", got ${JSON.stringify(raw.extends)}`);
    }
    const patch = { ...raw };
    delete patch.extends;
    raw = mergeDocuments(base, patch);
  }
  if (!isPlainObject(raw)) fail('', 'expected a playbook document (a mapping of settings)');
  const problem = validator.problem(raw);
  if (problem !== undefined) fail(problem.path, problem.message);
  const doc = raw as PlaybookDoc;
  checkSemantics(doc);
  return Object.freeze({
    doc,
    version: `${doc.id}@${doc.version}`,
    calendar: new BusinessCalendar({
      days: doc.calendar.days,
      startMinute: minutesOfDay(doc.calendar.start),
      endMinute: minutesOfDay(doc.calendar.end),
      holidays: doc.calendar.holidays,
    }),
    templates: compileTemplates(doc),
  });
}

/** Parses and compiles playbook text; `baseText` is the default playbook for `extends: default`. */
export function loadPlaybook(text: string, baseText?: string): Playbook {
  return compilePlaybook(parseDocument(text), baseText === undefined ? undefined : parseDocument(baseText));
}
