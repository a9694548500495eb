// `pursuit examples`: decides the scenarios bundled in examples/ and prints them readably: the
// quickest look at what Pursuit decides and writes.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenarioText } from '../../app/decisions/decider.js';
import { EXIT } from '../exit.js';
import { formatDecision } from '../format.js';
import { readTextFile } from '../io.js';
import type { Io } from '../program.js';
import { EXAMPLES_DIR } from '../resources.js';
import { loadDecider } from './decide.js';

interface ExampleScenario {
  now: string;
  rep: { timezone: string };
  prospect: { name: string };
  contacts: { id: string; name: string }[];
}

export function examplesCommand(options: { playbook?: string }, io: Io): number {
  const decider = loadDecider(options.playbook);
  const files = readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
  io.stdout.write(
    `Pursuit decides ${files.length} example prospects (playbook ${decider.playbook.version}).\n\n`,
  );
  for (const file of files) {
    const input = parseScenarioText(readTextFile(join(EXAMPLES_DIR, file), 'example'));
    const decision = decider.decide(input);
    const scenario = input as ExampleScenario;
    const title = `${file
      .replace(/^\d+-/, '')
      .replace(/\.json$/, '')
      .replace(/-/g, ' ')}: ${scenario.prospect.name}`;
    io.stdout.write(
      `${formatDecision(decision, {
        title,
        contactName: scenario.contacts.find((c) => c.id === decision.contactId)?.name,
        repZone: scenario.rep.timezone,
        now: Date.parse(scenario.now),
      })}\n\n`,
    );
  }
  io.stdout.write(
    `Decide your own: pursuit decide scenario.json (see docs/CONTRACT.md), or pursuit --help.\n`,
  );
  return EXIT.ok;
}
