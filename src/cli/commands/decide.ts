// `pursuit decide FILE|-  [--jsonl] [--playbook FILE]`: the contract's command (CONTRACT.md).

import { createDecider, parseScenarioText } from '../../app/decisions/decider.js';
import type { Decider } from '../../app/decisions/decider.js';
import { mapLines } from '../../app/lines.js';
import { EXIT } from '../exit.js';
import { openTextStream, readInput, readTextFile } from '../io.js';
import { readDefaultPlaybook } from '../resources.js';
import type { Io } from '../program.js';

export interface DecideOptions {
  jsonl?: boolean;
  playbook?: string;
}

export function loadDecider(playbookPath: string | undefined): Decider {
  const defaultPlaybookText = readDefaultPlaybook();
  return playbookPath === undefined
    ? createDecider({ defaultPlaybookText })
    : createDecider({ defaultPlaybookText, playbookText: readTextFile(playbookPath, 'playbook') });
}

export async function decideCommand(file: string, options: DecideOptions, io: Io): Promise<number> {
  const decider = loadDecider(options.playbook);
  if (options.jsonl === true) {
    const input = file === '-' ? io.stdin : openTextStream(file, 'FILE');
    const totals = await mapLines(input, io.stdout, (line, n) => decider.decideLine(line, n));
    return totals.failed > 0 ? EXIT.someLinesFailed : EXIT.ok;
  }
  const decision = decider.decide(parseScenarioText(await readInput(file, io.stdin)));
  io.stdout.write(`${JSON.stringify(decision, null, 2)}\n`);
  return EXIT.ok;
}
