// Files that ship with the package, found relative to this module (the same depth in src/ and dist/).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_PLAYBOOK_PATH = fileURLToPath(new URL('../../playbooks/default.yaml', import.meta.url));
export const EXAMPLES_DIR = fileURLToPath(new URL('../../examples/', import.meta.url));

export function readDefaultPlaybook(): string {
  return readFileSync(DEFAULT_PLAYBOOK_PATH, 'utf8');
}
