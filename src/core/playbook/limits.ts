// What one playbook setting may hold, read from the playbook schema itself (schema.ts), so that a form
// (the web app's playbook editor) checks a value with the same limits the engine validates with.

import { PlaybookDocument } from './schema.js';

interface SchemaNode {
  type?: string;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  enum?: readonly string[];
  items?: SchemaNode;
  minItems?: number;
  properties?: Record<string, SchemaNode>;
  required?: readonly string[];
  description?: string;
}

export type FieldRule =
  | { kind: 'number'; integer: boolean; minimum?: number; maximum?: number; optional: boolean }
  | { kind: 'text'; pattern?: string; description?: string; optional: boolean }
  | { kind: 'choice'; options: readonly string[]; optional: boolean }
  | { kind: 'list'; item: FieldRule; minItems: number; optional: boolean };

function ruleOf(node: SchemaNode, optional: boolean): FieldRule {
  if (node.enum !== undefined) return { kind: 'choice', options: node.enum, optional };
  switch (node.type) {
    case 'integer':
    case 'number':
      return {
        kind: 'number',
        integer: node.type === 'integer',
        ...(node.minimum === undefined ? {} : { minimum: node.minimum }),
        ...(node.maximum === undefined ? {} : { maximum: node.maximum }),
        optional,
      };
    case 'string':
      return {
        kind: 'text',
        ...(node.pattern === undefined ? {} : { pattern: node.pattern }),
        ...(node.description === undefined ? {} : { description: node.description }),
        optional,
      };
    case 'array':
      if (node.items === undefined) break;
      return { kind: 'list', item: ruleOf(node.items, false), minItems: node.minItems ?? 0, optional };
  }
  throw new Error(`no form rule for a schema of type ${String(node.type)}`);
}

/** The rule of the setting at `path` (`['followUp', 'hardMaximum']`); throws for a path not in the schema. */
export function ruleAt(path: readonly string[]): FieldRule {
  let node = PlaybookDocument as unknown as SchemaNode;
  let optional = false;
  for (const key of path) {
    const child = node.properties?.[key];
    if (child === undefined) throw new Error(`the playbook has no setting ${path.join('.')}`);
    optional = !(node.required ?? []).includes(key);
    node = child;
  }
  return ruleOf(node, optional);
}

/** The allowed values in words: "a whole number, at least 1". */
export function describeRule(rule: FieldRule): string {
  switch (rule.kind) {
    case 'number': {
      const what = rule.integer ? 'a whole number' : 'a number';
      if (rule.minimum !== undefined && rule.maximum !== undefined)
        return `${what} from ${rule.minimum} to ${rule.maximum}`;
      if (rule.minimum !== undefined) return `${what}, at least ${rule.minimum}`;
      if (rule.maximum !== undefined) return `${what}, at most ${rule.maximum}`;
      return what;
    }
    case 'text':
      return rule.description ?? (rule.pattern === undefined ? 'some text' : 'text in the right form');
    case 'choice':
      return `one of ${rule.options.join(', ')}`;
    case 'list':
      return `a list of ${describeRule(rule.item).replace(/^an? /, '')}s${rule.minItems > 0 ? ` (at least ${rule.minItems})` : ''}`;
  }
}

/** Undefined when `value` is allowed, else what is allowed. */
export function checkValue(rule: FieldRule, value: unknown): string | undefined {
  if (value === undefined) return rule.optional ? undefined : `expected ${describeRule(rule)}`;
  const bad = `expected ${describeRule(rule)}`;
  switch (rule.kind) {
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return bad;
      if (rule.integer && !Number.isInteger(value)) return bad;
      if (rule.minimum !== undefined && value < rule.minimum) return bad;
      if (rule.maximum !== undefined && value > rule.maximum) return bad;
      return undefined;
    case 'text':
      if (typeof value !== 'string') return bad;
      return rule.pattern === undefined || new RegExp(rule.pattern).test(value) ? undefined : bad;
    case 'choice':
      return typeof value === 'string' && rule.options.includes(value) ? undefined : bad;
    case 'list':
      if (!Array.isArray(value) || value.length < rule.minItems) return bad;
      return value.every((v) => checkValue(rule.item, v) === undefined) ? undefined : bad;
  }
}
