// `pursuit calibrate`: fits the stopping model on the team's history, shows the response curve by
// attempt with its uncertainty, the win rates, the held-out check and the calibration by decile, and
// how many decisions change; puts the model in force unless refused or --dry-run.

import { calibrateModel } from '../../app/model/calibrate.js';
import type { CalibrateResult, Exploring } from '../../app/model/calibrate.js';
import { money } from '../../core/rules/words.js';
import { calibrationAnswer } from '../../app/model/views.js';
import { EXIT } from '../exit.js';
import type { Io } from '../program.js';
import { asActor, printJson } from '../session.js';
import type { GlobalOptions } from '../session.js';

const pct = (p: number) => `${(100 * p).toFixed(1)}%`;
const pad = (text: string, width: number) => text.padStart(width);

/** What exploring costs under the model: the prospects it keeps, their minutes and the shortfall. */
export function explorationCost(e: Exploring, inForce: boolean): string {
  const share = `Exploration (playbook model.exploration): ${pct(e.share)} of prospects are followed on to the hard maximum`;
  if (e.share === 0) return `${share}, so late touches are no longer observed.`;
  if (e.prospects === 0) return `${share}; today none of them is past the point where the model would stop.`;
  const kept = `${e.prospects} prospect(s) the model alone would break up with`;
  const time = `${Math.round(e.minutes)} minutes of the reps' time`;
  const cost = `${money(e.shortfall)} more than they are expected to earn`;
  return inForce
    ? `${share}. Today it keeps ${kept}: their next touches take ${time} and cost ${cost}. That is the price of learning the late curve.`
    : `${share}. Today it would keep ${kept}: their next touches would take ${time} and cost ${cost}.`;
}

function describe(r: CalibrateResult): string {
  const c = r.calibration;
  const out = [
    `History: ${c.trials.toLocaleString('en-US')} touches, ${c.responses.toLocaleString('en-US')} responses.`,
  ];
  const params = c.params;
  if (params !== undefined) {
    out.push('', 'Response to the next touch, by attempt (90% interval), against the prior:');
    out.push(`${pad('attempt', 7)}  ${pad('never reached', 26)}  ${pad('reached before', 26)}`);
    for (let i = 0; i < params.curve.neverReached.length; i += 1) {
      const cell = (k: 'neverReached' | 'reached') =>
        `${pct(params.curve[k][i] as number)} (${pct(params.low[k][i] as number)}-${pct(params.high[k][i] as number)}) vs ${pct(r.prior.responseByAttempt[k][i] as number)}`;
      out.push(`${pad(String(i + 1), 7)}  ${pad(cell('neverReached'), 26)}  ${pad(cell('reached'), 26)}`);
    }
    out.push(
      '',
      `Win rate after a response: ${pct(params.win.neverReached)} never reached before (${params.winTrials.neverReached} conversations; prior ${pct(r.prior.winGivenResponse.neverReached)}), ${pct(params.win.reached)} reached before (${params.winTrials.reached}; prior ${pct(r.prior.winGivenResponse.reached)}).`,
    );
    const ratios = Object.entries(params.ratios)
      .map(
        ([factor, levels]) =>
          `${factor}: ${Object.entries(levels)
            .map(([l, v]) => `${l} x${v.toFixed(2)}`)
            .join(', ')}`,
      )
      .join('; ');
    out.push(`Conditions (rate ratios): ${ratios}.`);
  }
  const h = c.heldOut;
  out.push(
    '',
    `Held-out check on ${h.trials.toLocaleString('en-US')} touches of a fifth of the prospects: log loss ${h.logLoss.toFixed(4)} fitted, ${h.priorLogLoss.toFixed(4)} prior (lower is better).`,
  );
  if (h.deciles.length > 0) {
    out.push('Calibration by decile (predicted, observed, touches):');
    for (const d of h.deciles)
      out.push(`  ${pad(pct(d.predicted), 6)}  ${pad(pct(d.observed), 6)}  ${d.trials}`);
  }
  out.push('');
  if (c.refusal !== undefined) out.push(`Not calibrated: ${c.refusal}.`);
  else {
    out.push(
      r.applied
        ? `Model calibrated@${r.version} is in force; ${r.changed} decision(s) changed.`
        : `Dry run: calibrated@${r.version} would change ${r.changed} decision(s); nothing was kept.`,
      explorationCost(r.exploring, r.applied),
    );
  }
  return out.join('\n');
}

export async function calibrateCommand(
  options: GlobalOptions & { dryRun?: boolean },
  io: Io,
): Promise<number> {
  return asActor(io, options, async ({ ctx }, actor) => {
    const result = await calibrateModel(ctx, actor, { dryRun: options.dryRun === true });
    if (options.json === true) printJson(io, calibrationAnswer(result));
    else io.stdout.write(`${describe(result)}\n`);
    return EXIT.ok;
  });
}
