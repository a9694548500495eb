// The bound of a simulation: a stopping model that knows the world's truth. No team could have it;
// it answers "what would perfect knowledge earn here?", so that the calibrated engine's gain over
// the fixed rules can be read against what there was to gain.
//
// Its P(response) for the k-th touch is exact for the simulated prospect: the chance that a prospect
// of this source can respond at all, given k - 1 touches went unanswered (Bayes: the never-responders
// are the ones who stay silent), times the truth's hazard for the k-th touch by this channel. The
// earlier touches follow the channel rule (simulated prospects have one contact with a phone), so
// their channels are known. Its P(win | response) is the world's win rate.

import type { ReachChannel } from '../decision.js';
import type { StoppingModel } from '../model/stopping-model.js';
import { nextChannel } from './chase.js';
import { hazardAt } from './leads.js';
import type { World } from './world.js';

/** P(no response to touches 1..n | can respond), for n = 0, 1, ... up to `max`. */
function silence(world: World, max: number): number[] {
  const channels: ReachChannel[] = [];
  const survival = [1];
  for (let k = 1; k <= max; k += 1) {
    const channel = nextChannel(channels);
    channels.push(channel);
    survival.push((survival[k - 1] as number) * (1 - hazardAt(world, k, channel)));
  }
  return survival;
}

export function truthModel(world: World, maxAttempt = 60): StoppingModel {
  const survival = silence(world, maxAttempt);
  return {
    version: 'truth',
    estimate: ({ attempt, source, channel }) => {
      const never = world.neverRespond[source];
      const stillSilent = (1 - never) * (survival[Math.min(attempt, maxAttempt + 1) - 1] as number);
      const canRespond = stillSilent + never === 0 ? 0 : stillSilent / (stillSilent + never);
      return { pResponse: canRespond * hazardAt(world, attempt, channel), pWin: world.winRate };
    },
  };
}
