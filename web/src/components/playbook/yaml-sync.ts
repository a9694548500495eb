// The playbook's YAML as the structured editor reads and writes it: a setting is read from the parsed
// document, and written back by changing only that setting's text, so comments and order stay.

import { YAMLParseError, isMap, isNode, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document } from 'yaml';

export type Parsed = { ok: true; doc: Document } | { ok: false; error: string };

/** The document, or why it is not YAML (with its line) or not a mapping of settings. */
export function readYaml(text: string): Parsed {
  const doc = parseDocument(text, { prettyErrors: true });
  const error = doc.errors[0];
  if (error !== undefined) {
    const line = error instanceof YAMLParseError ? error.linePos?.[0].line : undefined;
    return {
      ok: false,
      error: `${line === undefined ? '' : `line ${line}: `}${(error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`,
    };
  }
  if (!isMap(doc.contents)) return { ok: false, error: 'the playbook must be a mapping of settings' };
  return { ok: true, doc };
}

/** The value of the setting at `path`, or undefined when the document does not set it. */
export function valueAt(doc: Document, path: readonly string[]): unknown {
  const node: unknown = doc.getIn(path, true);
  return isNode(node) ? (node.toJSON() as unknown) : node;
}

function scalarText(value: unknown): string {
  return typeof value === 'string' ? `'${value.replace(/'/g, "''")}'` : String(value);
}

/**
 * The text with the setting at `path` set to `value` (a number, a string or a list of them). A value
 * already written in place is replaced where it stands; a new one is added by the YAML library.
 */
export function setValue(text: string, path: readonly string[], value: unknown): string {
  const parsed = readYaml(text);
  if (!parsed.ok) throw new Error(parsed.error);
  const { doc } = parsed;
  const node = doc.getIn(path, true);
  const range = isScalar(node) || isSeq(node) ? node.range : undefined;
  const inPlace =
    range != null &&
    (isScalar(node) || (isSeq(node) && node.flow === true)) &&
    (Array.isArray(value) ? isSeq(node) : !isSeq(node));
  if (inPlace) {
    const written = Array.isArray(value) ? `[${value.map(scalarText).join(', ')}]` : scalarText(value);
    const keep = isScalar(node) && typeof value === 'string' && node.type === 'PLAIN' ? value : written;
    return text.slice(0, range[0]) + keep + text.slice(range[1]);
  }
  if (Array.isArray(value)) {
    const seq = doc.createNode(value);
    seq.flow = true;
    doc.setIn(path, seq);
  } else doc.setIn(path, value);
  // [1, 2] as people (and the default playbook) write it, not the library's [ 1, 2 ].
  return doc.toString({ flowCollectionPadding: false });
}
