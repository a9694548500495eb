// `pursuit schema scenario|decision|playbook`: prints the JSON Schema that validates each document,
// generated from the same definitions the engine validates with.

import { PursuitError } from '../../core/errors.js';
import { Decision } from '../../core/decision.js';
import { PlaybookDocument } from '../../core/playbook/schema.js';
import { Scenario } from '../../core/scenario/schema.js';
import { EXIT } from '../exit.js';
import type { Io } from '../program.js';

const SCHEMAS = { scenario: Scenario, decision: Decision, playbook: PlaybookDocument } as const;

export function schemaCommand(name: string, io: Io): number {
  if (!(name in SCHEMAS)) {
    throw new PursuitError(
      'INVALID_ARGUMENTS',
      `expected one of ${Object.keys(SCHEMAS).join(', ')}, got "${name}"`,
    );
  }
  const schema = SCHEMAS[name as keyof typeof SCHEMAS];
  io.stdout.write(
    `${JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', ...schema }, null, 2)}\n`,
  );
  return EXIT.ok;
}
