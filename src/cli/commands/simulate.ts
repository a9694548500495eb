// `pursuit simulate`: every policy on a world with a known truth, the same seeds for all, then a
// table (or --json) of revenue and wins per rep-hour, touches spent on never-responders and
// prospects dropped who would have answered, with 95% intervals over seeds. A progress bar on a
// terminal.

import { runSimulation } from '../../app/model/simulate.js';
import type { WorldChoice } from '../../app/model/simulate.js';
import { PursuitError } from '../../core/errors.js';
import type { Order } from '../../core/simulate/policies.js';
import { formatReport } from '../../core/simulate/table.js';
import { simulationReport } from '../../app/model/views.js';
import { EXIT } from '../exit.js';
import { readTextFile } from '../io.js';
import type { Io } from '../program.js';
import { progressBar } from '../progress.js';
import { readDefaultPlaybook } from '../resources.js';
import { asActor, printJson, wholeNumber } from '../session.js';
import { saveSimulation } from '../../app/model/simulations.js';

export interface SimulateOptions {
  /** Keep the report with the acting user's organisation, for the team dashboard. */
  save?: boolean;
  as?: string;
  world?: string;
  seeds?: string;
  days?: string;
  reps?: string;
  playbook?: string;
  json?: boolean;
  order?: string;
}

function orderOf(text: string | undefined): Order | undefined {
  if (text === undefined || text === 'agenda' || text === 'oldest') return text;
  throw new PursuitError('INVALID_ARGUMENTS', `expected agenda or oldest, got "${text}"`, 'order');
}

function worldChoice(world: string | undefined): WorldChoice {
  if (world === undefined) return { name: 'default' };
  if (!world.toLowerCase().endsWith('.json')) return { name: world };
  return { file: world, text: readTextFile(world, 'world file') };
}

export async function simulateCommand(options: SimulateOptions, io: Io): Promise<number> {
  const seeds = wholeNumber('seeds', options.seeds, 1, 1000);
  const days = wholeNumber('days', options.days, 1, 1000);
  const reps = wholeNumber('reps', options.reps, 1, 10_000);
  const order = orderOf(options.order);
  const world = worldChoice(options.world);
  const playbookText =
    options.playbook === undefined ? undefined : readTextFile(options.playbook, 'playbook');
  const bar = progressBar(
    io,
    options.json,
    'simulating |{bar}| {percentage}% · seed {seed} · {policy} · {eta_formatted} left',
    { etaBuffer: 200 },
  );
  let started = false;
  try {
    const report = await runSimulation({
      world,
      ...(seeds === undefined ? {} : { seeds }),
      ...(days === undefined ? {} : { days }),
      ...(reps === undefined ? {} : { reps }),
      ...(order === undefined ? {} : { order }),
      defaultPlaybookText: readDefaultPlaybook(),
      ...(playbookText === undefined ? {} : { playbookText }),
      onProgress: (p) => {
        if (bar === undefined) return;
        if (!started) {
          bar.start(p.total, 0, { seed: p.seed, policy: p.policy });
          started = true;
        }
        bar.update(p.done, { seed: p.seed, policy: p.policy });
      },
    });
    bar?.stop();
    if (options.json === true) printJson(io, simulationReport(report));
    else io.stdout.write(formatReport(report));
    if (options.save === true) {
      const name = 'name' in world ? world.name : world.file;
      await asActor(io, options, ({ ctx }, actor) => saveSimulation(ctx, actor, name, report));
      if (options.json !== true) io.stdout.write('Saved: the team dashboard shows it.\n');
    }
    return EXIT.ok;
  } finally {
    bar?.stop();
  }
}
