// Message templates: text with {{variable}} or {{variable|fallback}} slots, compiled once when the
// playbook loads (an unknown variable is a playbook error, not a blank in a customer's inbox).

export const TEMPLATE_VARIABLES = [
  'contact.firstName',
  'contact.name',
  'prospect.name',
  'rep.name',
  'rep.firstName',
  'rep.company',
  'rep.phone',
  'rep.email',
  'commitment.description',
  'commitment.when',
  'topic',
  'objection',
  'referred.firstName',
  'referred.name',
  'others',
  'reason',
  'until',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateValues = Partial<Record<TemplateVariable, string>>;

/**
 * Text between slots, split for rendering: its blanks (spaces and tabs) at the start, its middle
 * (from the first to the last character that is not a blank) already tidied, its blanks at the end.
 * Text of blanks only is all `lead`.
 */
interface Literal {
  lead: string;
  middle: string;
  trail: string;
}
/** Text (a literal), a slot (its fallback as `text`), or a section shown when its variable has a value. */
interface Part {
  kind: 'text' | 'slot' | 'section';
  /** The variable's index in TEMPLATE_VARIABLES (-1 for text). */
  slot: number;
  text: Literal;
  parts: Part[];
}
/** A compiled template; `variables` are those it reads. */
export interface CompiledText {
  readonly parts: readonly Part[];
  readonly variables: ReadonlySet<TemplateVariable>;
}
/** Template values made ready to render, by variable index: none where a value is absent or empty. */
export type Slots = readonly (Literal | undefined)[];

// {{name}}, {{name|fallback}}, and {{#name}}...{{/name}}: a section shown only when name has a value.
const TOKEN = /\{\{\s*([#/]?)([a-zA-Z.]+)\s*(?:\|([^}]*))?\}\}/g;
const known = new Set<string>(TEMPLATE_VARIABLES);

const SPACE = 32;
const TAB = 9;
const isBlank = (code: number) => code === SPACE || code === TAB;
/** Punctuation or a line end: what a space before it gives way to. */
const givesWay = (code: number) => code === 44 || code === 46 || code === 33 || code === 63 || code === 10;

/**
 * The tidying of a slot left empty, by its definition: no double space, no space before
 * punctuation or a line end. Rendering gives the same text run by run as it joins the pieces.
 */
export function tidy(text: string): string {
  return squeeze(text).trim();
}

/**
 * What `.replace(/[ \t]{2,}/g, ' ').replace(/ +([,.!?])/g, '$1').replace(/ +\n/g, '\n')` does, in
 * one pass: each run of blanks is decided by itself and the character after it. A run of two or
 * more is one space, and a space before , . ! ? or a line end goes.
 */
function squeeze(text: string): string {
  let out = '';
  let kept = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (!isBlank(text.charCodeAt(i))) continue;
    let end = i + 1;
    while (end < text.length && isBlank(text.charCodeAt(end))) end += 1;
    const run = runAs(text.slice(i, end), text.charCodeAt(end));
    if (run.length !== end - i || run !== text[i]) {
      out += text.slice(kept, i) + run;
      kept = end;
    }
    i = end - 1;
  }
  return kept === 0 ? text : out + text.slice(kept);
}

/** A whole run of blanks as tidying leaves it, given the character after it. */
function runAs(run: string, next: number): string {
  const one = run.length > 1 ? ' ' : run;
  return one === ' ' && givesWay(next) ? '' : one;
}

/** True when no blank in the text is followed by another blank, punctuation or a line end. */
function smooth(text: string): boolean {
  for (let i = text.indexOf(' '); i !== -1; i = text.indexOf(' ', i + 1)) {
    const next = text.charCodeAt(i + 1);
    if (isBlank(next) || givesWay(next)) return false;
  }
  return !text.includes('\t');
}

/** Text split into its blank ends and its tidied middle. */
function literal(text: string): Literal {
  let from = 0;
  let to = text.length;
  while (from < to && isBlank(text.charCodeAt(from))) from += 1;
  while (to > from && isBlank(text.charCodeAt(to - 1))) to -= 1;
  const middle = text.slice(from, to);
  return {
    lead: text.slice(0, from),
    middle: smooth(middle) ? middle : squeeze(middle),
    trail: text.slice(to),
  };
}

const NO_TEXT: Literal = { lead: '', middle: '', trail: '' };
const textPart = (text: string): Part => ({ kind: 'text', slot: -1, text: literal(text), parts: [] });

/** Compiles a template text; returns what is wrong with it instead when something is. */
export function compileText(text: string): CompiledText | { error: string } {
  const parts: Part[] = [];
  const variables = new Set<TemplateVariable>();
  let open: Part | undefined;
  let last = 0;
  const push = (part: Part) => (open === undefined ? parts.push(part) : open.parts.push(part));
  for (const match of text.matchAll(TOKEN)) {
    const [whole, sigil = '', name = ''] = match;
    if (!known.has(name)) return { error: `unknown variable {{${name}}}` };
    if (match.index > last) push(textPart(text.slice(last, match.index)));
    last = match.index + whole.length;
    const variable = name as TemplateVariable;
    const slot = TEMPLATE_VARIABLES.indexOf(variable);
    variables.add(variable);
    if (sigil === '#') {
      if (open !== undefined) {
        return { error: `{{#${name}}} opens inside {{#${TEMPLATE_VARIABLES[open.slot] as string}}}` };
      }
      open = { kind: 'section', slot, text: NO_TEXT, parts: [] };
    } else if (sigil === '/') {
      if (open?.slot !== slot) return { error: `{{/${name}}} closes nothing` };
      parts.push(open);
      open = undefined;
    } else push({ kind: 'slot', slot, text: literal((match[3] ?? '').trim()), parts: [] });
  }
  if (open !== undefined) {
    return { error: `{{#${TEMPLATE_VARIABLES[open.slot] as string}}} is never closed` };
  }
  if (last < text.length) parts.push(textPart(text.slice(last)));
  return { parts, variables };
}

/** The index of each variable a text reads, for slotsOf(). */
export function slotIndexes(...texts: CompiledText[]): number[] {
  const used = new Set(texts.flatMap((t) => [...t.variables]));
  return TEMPLATE_VARIABLES.flatMap((name, i) => (used.has(name) ? [i] : []));
}

const ALL_SLOTS = TEMPLATE_VARIABLES.map((_, i) => i);

/** The values made ready once for the several texts of a draft (those at `indexes`: the ones read). */
export function slotsOf(values: TemplateValues, indexes: readonly number[] = ALL_SLOTS): Slots {
  const slots = new Array<Literal | undefined>(TEMPLATE_VARIABLES.length).fill(undefined);
  for (const i of indexes) {
    const value = values[TEMPLATE_VARIABLES[i] as TemplateVariable];
    if (value !== undefined && value !== '') slots[i] = literal(value);
  }
  return slots;
}

/**
 * The text so far, tidied, and the run of blanks at its end, which is decided when the next
 * character that is not a blank comes (tidying decides a run by itself and what follows it).
 */
interface Out {
  text: string;
  run: string;
}

function add(out: Out, piece: Literal): void {
  if (piece.middle === '') {
    out.run += piece.lead;
    return;
  }
  const run = out.run + piece.lead;
  if (run !== '') out.text += runAs(run, piece.middle.charCodeAt(0));
  out.text += piece.middle;
  out.run = piece.trail;
}

function renderParts(parts: readonly Part[], slots: Slots, out: Out): void {
  for (const part of parts) {
    if (part.kind === 'text') add(out, part.text);
    else if (part.kind === 'slot') add(out, slots[part.slot] ?? part.text);
    else if (slots[part.slot] !== undefined) renderParts(part.parts, slots, out);
  }
}

/** The text with its slots filled, tidied: the same as tidy() of the plain concatenation. */
export function renderSlots(text: CompiledText, slots: Slots): string {
  const out: Out = { text: '', run: '' };
  renderParts(text.parts, slots, out);
  // The run at the end goes with the trim.
  return out.text.trim();
}

export function renderText(text: CompiledText, values: TemplateValues): string {
  return renderSlots(text, slotsOf(values));
}

const WHITE_SPACE = /\s/;
const OTHER_WHITE_SPACE = /[^\S ]/;
/** True for a character `\s` matches (and String.prototype.trim removes). */
export function isWhiteSpace(code: number): boolean {
  if (code < 128) return code === SPACE || (code >= TAB && code <= 13);
  return WHITE_SPACE.test(String.fromCharCode(code));
}

/** The first word of a text, as `text.trim().split(/\s+/)[0]` gives it. */
export function firstWord(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  for (let i = 0; i < trimmed.length; i += 1) {
    if (isWhiteSpace(trimmed.charCodeAt(i))) return trimmed.slice(0, i);
  }
  return trimmed;
}

/** The number of words, as `text.split(/\s+/).length` counts them (a space at either end counts one). */
export function wordCount(text: string): number {
  if (!OTHER_WHITE_SPACE.test(text)) {
    // Only spaces: count the runs of them.
    let count = 1;
    for (let i = text.indexOf(' '); i !== -1; i = text.indexOf(' ', i + 1)) {
      if (text.charCodeAt(i - 1) !== SPACE) count += 1;
    }
    return count;
  }
  let count = 1;
  let inSpace = false;
  for (let i = 0; i < text.length; i += 1) {
    const space = isWhiteSpace(text.charCodeAt(i));
    if (space && !inSpace) count += 1;
    inSpace = space;
  }
  return count;
}
