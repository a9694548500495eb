// Turns TypeBox validation errors into one clear sentence with a dot-separated path, the form of
// CONTRACT.md: `events.3.at`, "expected an ISO 8601 time with an offset, got "yesterday"".

import { Compile } from 'typebox/compile';
import type { TSchema } from 'typebox';

export interface Problem {
  path: string;
  message: string;
}

interface SchemaError {
  keyword: string;
  schemaPath: string;
  instancePath: string;
  params: Record<string, unknown>;
  message: string;
}

export function joinPath(base: string, key: string | number): string {
  return base === '' ? String(key) : `${base}.${key}`;
}

function pointerToPath(pointer: string): string {
  if (pointer === '') return '';
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

function resolveSchema(root: TSchema, schemaPath: string): Record<string, unknown> | undefined {
  let node: unknown = root;
  for (const part of schemaPath.replace(/^#\/?/, '').split('/')) {
    if (part === '') continue;
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node !== null && typeof node === 'object' ? (node as Record<string, unknown>) : undefined;
}

function valueAt(value: unknown, path: string): unknown {
  if (path === '') return value;
  let node = value;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function typeName(type: unknown): string {
  switch (type) {
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'integer':
      return 'a whole number';
    case 'number':
      return 'a number';
    case 'string':
      return 'a string';
    case 'boolean':
      return 'true or false';
    default:
      return String(type);
  }
}

function explain(root: TSchema, error: SchemaError, value: unknown): Problem {
  const path = pointerToPath(error.instancePath);
  const got = describeValue(valueAt(value, path));
  const schema = resolveSchema(root, error.schemaPath);
  const description = typeof schema?.description === 'string' ? schema.description : undefined;
  switch (error.keyword) {
    case 'required': {
      const missing = (error.params.requiredProperties as string[] | undefined)?.find(
        (key) => (valueAt(value, joinPath(path, key)) ?? undefined) === undefined,
      );
      return { path: joinPath(path, missing ?? '?'), message: 'is required' };
    }
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
      return { path, message: `expected one of ${allowed}, got ${got}` };
    }
    case 'const':
      return { path, message: `expected ${JSON.stringify(error.params.allowedValue)}, got ${got}` };
    case 'type':
      return { path, message: `expected ${typeName(error.params.type)}, got ${got}` };
    case 'pattern':
    case 'format':
      return {
        path,
        message: `expected ${description ?? `text matching ${String(error.params.pattern)}`}, got ${got}`,
      };
    case 'minItems':
      return { path, message: `expected at least ${String(error.params.limit)} item(s)` };
    case 'minLength':
      return { path, message: `expected ${description ?? 'a non-empty string'}, got ${got}` };
    default:
      return { path, message: `${error.message}, got ${got}` };
  }
}

/** Prefers the error that says most: not the umbrella `anyOf`, not the `null` branch of a nullable. */
function pickError(errors: SchemaError[]): SchemaError | undefined {
  const useful = errors.filter(
    (e) => e.keyword !== 'anyOf' && !(e.keyword === 'type' && e.params.type === 'null'),
  );
  return useful[0] ?? errors[0];
}

export interface Validator {
  check(value: unknown): boolean;
  /** The first problem, or undefined when the value is valid. */
  problem(value: unknown, basePath?: string): Problem | undefined;
}

export function compileValidator(schema: TSchema): Validator {
  const compiled = Compile(schema);
  return {
    check: (value) => compiled.Check(value),
    problem(value, basePath = '') {
      if (compiled.Check(value)) return undefined;
      const error = pickError([...compiled.Errors(value)] as SchemaError[]);
      if (error === undefined) return { path: basePath, message: 'is not valid' };
      const found = explain(schema, error, value);
      return { path: found.path === '' ? basePath : joinPath(basePath, found.path), message: found.message };
    },
  };
}
