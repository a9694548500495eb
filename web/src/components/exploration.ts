// What exploration costs, as the server reports it (app/model/calibrate.ts `Exploring`), in words: the
// share of prospects a calibrated model follows on to the hard maximum, and whom that keeps today.

export interface Exploring {
  share: number;
  prospects: number;
  /** What their next touches cost beyond what they are expected to earn. */
  shortfall: number;
  minutes: number;
}

const money = (n: number) => `$${Math.round(n).toLocaleString('en-US')}`;

export function explorationWords(e: Exploring, would = false): string {
  const share = `${Math.round(e.share * 1000) / 10}% of prospects are followed on to the hard maximum so that late touches keep being learned`;
  if (e.share === 0)
    return 'Exploration is off (playbook model.exploration), so late touches are no longer learned.';
  if (e.prospects === 0) return `${share}; today none of them is past the point where the model would stop.`;
  const kept = `${e.prospects.toLocaleString('en-US')} prospect${e.prospects === 1 ? '' : 's'} the model alone would stop`;
  return `${share}; today that ${would ? 'would keep' : 'keeps'} ${kept}, whose next touches take ${Math.round(e.minutes)} minutes and cost ${money(e.shortfall)} more than they are expected to earn.`;
}
