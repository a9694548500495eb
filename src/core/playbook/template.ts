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

type Slot = { name: TemplateVariable; fallback: string };
type Section = { section: TemplateVariable; parts: (string | Slot)[] };
type Part = string | Slot | Section;
/**
 * A compiled template: its parts, whose literal text is already tidied (see `tidyLiteral`), so that
 * rendering is concatenation and a check at each join; `variables` are those it reads.
 */
export interface CompiledText {
  readonly parts: readonly Part[];
  readonly variables: ReadonlySet<TemplateVariable>;
}

// {{name}}, {{name|fallback}}, and {{#name}}...{{/name}}: a section shown only when name has a value.
const TOKEN = /\{\{\s*([#/]?)([a-zA-Z.]+)\s*(?:\|([^}]*))?\}\}/g;
const known = new Set<string>(TEMPLATE_VARIABLES);

const SPACE = 32;
const TAB = 9;
const isBlank = (code: number) => code === SPACE || code === TAB;
/** What squeeze() may change after a blank: another blank, punctuation, a line end. */
const isTouchy = (code: number) =>
  code === SPACE || code === TAB || code === 44 || code === 46 || code === 33 || code === 63 || code === 10;
/** Punctuation or a line end: what a space before it gives way to. */
const givesWay = (code: number) => code !== SPACE && code !== TAB && isTouchy(code);

/**
 * A slot left empty must not leave a double space, or a space before punctuation or a line end:
 * each run of two or more spaces or tabs becomes one space, and a space before , . ! ? or a line
 * end goes (what `.replace(/[ \t]{2,}/g, ' ').replace(/ +([,.!?])/g, '$1').replace(/ +\n/g, '\n')`
 * does, in one pass).
 */
function squeeze(text: string): string {
  let out = '';
  let kept = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (!isBlank(text.charCodeAt(i))) continue;
    let end = i + 1;
    while (end < text.length && isBlank(text.charCodeAt(end))) end += 1;
    const run = end - i > 1 ? ' ' : (text[i] as string);
    const replacement = run === ' ' && givesWay(text.charCodeAt(end)) ? '' : run;
    if (replacement !== text.slice(i, end)) {
      out += text.slice(kept, i) + replacement;
      kept = end;
    }
    i = end - 1;
  }
  return kept === 0 ? text : out + text.slice(kept);
}

/** The tidying every rendered text gets; rendering reaches the same text without reading it all. */
export function tidy(text: string): string {
  return squeeze(text).trim();
}

/** True when no blank in the text is followed by what squeeze() would change. */
function smooth(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    if (isBlank(text.charCodeAt(i)) && isTouchy(text.charCodeAt(i + 1))) return false;
  }
  return true;
}

/**
 * A literal as squeeze() would leave it wherever that is sure whatever comes beside it: inside,
 * between its first and last characters that are not blanks; at its ends, a run of blanks is one
 * space (squeeze() makes any run of two or more one space, and joined to a neighbour's blanks the
 * run stays two or more). What is left for rendering to check is where it joins its neighbours.
 */
function tidyLiteral(text: string): string {
  let from = 0;
  let to = text.length;
  while (from < to && isBlank(text.charCodeAt(from))) from += 1;
  while (to > from && isBlank(text.charCodeAt(to - 1))) to -= 1;
  if (from === text.length) return from > 1 ? ' ' : text;
  const end = (run: string) => (run.length > 1 ? ' ' : run);
  const inner = text.slice(from, to);
  return `${end(text.slice(0, from))}${smooth(inner) ? inner : squeeze(inner)}${end(text.slice(to))}`;
}

/** Compiles a template text; returns what is wrong with it instead when something is. */
export function compileText(text: string): CompiledText | { error: string } {
  const parts: Part[] = [];
  const variables = new Set<TemplateVariable>();
  let open: Section | undefined;
  let last = 0;
  const push = (part: string | Slot) => (open === undefined ? parts.push(part) : open.parts.push(part));
  for (const match of text.matchAll(TOKEN)) {
    const [whole, sigil = '', name = ''] = match;
    if (!known.has(name)) return { error: `unknown variable {{${name}}}` };
    if (match.index > last) push(tidyLiteral(text.slice(last, match.index)));
    last = match.index + whole.length;
    const variable = name as TemplateVariable;
    variables.add(variable);
    if (sigil === '#') {
      if (open !== undefined) return { error: `{{#${name}}} opens inside {{#${open.section}}}` };
      open = { section: variable, parts: [] };
    } else if (sigil === '/') {
      if (open?.section !== variable) return { error: `{{/${name}}} closes nothing` };
      parts.push(open);
      open = undefined;
    } else push({ name: variable, fallback: tidyLiteral((match[3] ?? '').trim()) });
  }
  if (open !== undefined) return { error: `{{#${open.section}}} is never closed` };
  if (last < text.length) parts.push(tidyLiteral(text.slice(last)));
  return { parts, variables };
}

function present(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}

/** The text so far, and whether a join or a value may need tidy() at its full length. */
interface Out {
  text: string;
  blankEnd: boolean;
  rough: boolean;
}

function add(out: Out, piece: string, literal: boolean): void {
  if (piece === '') return;
  const first = piece.charCodeAt(0);
  if (
    (out.blankEnd && isTouchy(first)) ||
    (literal ? isBlank(first) && isTouchy(piece.charCodeAt(1)) : !smooth(piece))
  ) {
    out.rough = true;
  }
  out.text += piece;
  out.blankEnd = isBlank(piece.charCodeAt(piece.length - 1));
}

function renderParts(parts: readonly Part[], values: TemplateValues, out: Out): void {
  for (const part of parts) {
    if (typeof part === 'string') add(out, part, true);
    else if ('section' in part) {
      if (present(values[part.section])) renderParts(part.parts, values, out);
    } else {
      const value = values[part.name];
      if (present(value)) add(out, value, false);
      else add(out, part.fallback, true);
    }
  }
}

/** The text with its slots filled, tidied: the same as tidy() of the plain concatenation. */
export function renderText(text: CompiledText, values: TemplateValues): string {
  const out: Out = { text: '', blankEnd: false, rough: false };
  renderParts(text.parts, values, out);
  return out.rough ? tidy(out.text) : out.text.trim();
}

const WHITE_SPACE = /\s/;
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
  let count = 1;
  let inSpace = false;
  for (let i = 0; i < text.length; i += 1) {
    const space = isWhiteSpace(text.charCodeAt(i));
    if (space && !inSpace) count += 1;
    inSpace = space;
  }
  return count;
}
