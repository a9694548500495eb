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
export type CompiledText = readonly Part[];

// {{name}}, {{name|fallback}}, and {{#name}}...{{/name}}: a section shown only when name has a value.
const TOKEN = /\{\{\s*([#/]?)([a-zA-Z.]+)\s*(?:\|([^}]*))?\}\}/g;
const known = new Set<string>(TEMPLATE_VARIABLES);

/** Compiles a template text; returns what is wrong with it instead when something is. */
export function compileText(text: string): CompiledText | { error: string } {
  const parts: Part[] = [];
  let open: Section | undefined;
  let last = 0;
  const push = (part: string | Slot) => (open === undefined ? parts.push(part) : open.parts.push(part));
  for (const match of text.matchAll(TOKEN)) {
    const [whole, sigil = '', name = ''] = match;
    if (!known.has(name)) return { error: `unknown variable {{${name}}}` };
    if (match.index > last) push(text.slice(last, match.index));
    last = match.index + whole.length;
    const variable = name as TemplateVariable;
    if (sigil === '#') {
      if (open !== undefined) return { error: `{{#${name}}} opens inside {{#${open.section}}}` };
      open = { section: variable, parts: [] };
    } else if (sigil === '/') {
      if (open?.section !== variable) return { error: `{{/${name}}} closes nothing` };
      parts.push(open);
      open = undefined;
    } else push({ name: variable, fallback: (match[3] ?? '').trim() });
  }
  if (open !== undefined) return { error: `{{#${open.section}}} is never closed` };
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

function present(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}

function renderParts(parts: readonly Part[], values: TemplateValues): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += part;
    else if ('section' in part) {
      if (present(values[part.section])) out += renderParts(part.parts, values);
    } else {
      const value = values[part.name];
      out += present(value) ? value : part.fallback;
    }
  }
  return out;
}

export function renderText(parts: CompiledText, values: TemplateValues): string {
  // A slot left empty must not leave a double space or a space before punctuation.
  return renderParts(parts, values)
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ +([,.!?])/g, '$1')
    .replace(/ +\n/g, '\n')
    .trim();
}
