// Weighing the cues into one kind. An unsubscribe request beats everything; an automatic reply with
// an absence cue is out-of-office even when it names a colleague or asks to be contacted, a typed one
// when its absence cues are decisive and as strong as any other kind's (an absence to come, given as
// the reason for "not now", is no absence notice); otherwise
// the first kind, in order of precedence, with a decisive cue wins (a referral over a "not now" over
// a "not interested" over an objection over interest over a question), else the strongest, else
// neutral. Confidence grows with the winner's weight and shrinks with the runner-up's.

import type { ReplyKind } from './classify.js';
import type { CueKind, Hit } from './cues.js';
import type { AutoSignal } from './automatic.js';

export interface Weighed {
  kind: ReplyKind;
  confidence: number;
  /** The cues that decided it, most decisive first. */
  hits: Hit[];
  automatic: boolean;
  /** Whether the winner had a decisive cue (an answer that did not, may yet be read otherwise). */
  decisive: boolean;
}

const PRECEDENCE: readonly ReplyKind[] = [
  'referral',
  'not-now',
  'not-interested',
  'objection',
  'positive',
  'neutral',
];
const DECISIVE = 3;

/** Overlapping hits of one kind count once, at the weight of the strongest. */
function distinct(hits: Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => b.weight - a.weight || a.index - b.index);
  const kept: Hit[] = [];
  for (const h of sorted) {
    const overlaps = kept.some(
      (k) => k.kind === h.kind && h.index < k.index + k.phrase.length && k.index < h.index + h.phrase.length,
    );
    if (!overlaps) kept.push(h);
  }
  return kept;
}

function scores(hits: Hit[]): Map<CueKind, number> {
  const out = new Map<CueKind, number>();
  for (const h of hits) out.set(h.kind, (out.get(h.kind) ?? 0) + h.weight);
  return out;
}

/**
 * Sure when the winner's cues are strong and nothing else speaks; a kind won on precedence over
 * another decisive cue ("interested, but the price is too high") is less sure than one alone.
 */
function confidence(top: number, second: number): number {
  const c = top >= DECISIVE ? 0.6 + 0.08 * top - 0.05 * second : 0.4 + 0.1 * top - 0.1 * second;
  return Math.round(Math.min(0.98, Math.max(0.2, c)) * 100) / 100;
}

function pick(score: Map<CueKind, number>): ReplyKind | undefined {
  const decisive = PRECEDENCE.find((k) => (score.get(k) ?? 0) >= DECISIVE);
  if (decisive !== undefined) return decisive;
  let best: ReplyKind | undefined;
  for (const k of PRECEDENCE)
    if ((score.get(k) ?? 0) > (best === undefined ? 0 : (score.get(best) ?? 0))) best = k;
  return best;
}

/**
 * A referral names someone: pointing words with no name and no address ("our CFO handles vendors",
 * "I'm not the right person") are a neutral answer.
 */
function withoutTarget(hits: Hit[]): Hit[] {
  return hits.map((h) =>
    h.kind === 'referral' ? { ...h, kind: 'neutral' as const, weight: Math.min(h.weight, 2) } : h,
  );
}

export function weigh(allHits: Hit[], signal: AutoSignal, hasTarget: boolean): Weighed {
  const hits = distinct(hasTarget ? allHits : withoutTarget(allHits));
  const score = scores(hits);
  const of = (k: CueKind): number => score.get(k) ?? 0;
  const automatic = signal.byHeader || signal.subject !== undefined || of('auto') > 0;
  const absence = of('out-of-office') + (signal.subject?.absence === true ? DECISIVE : 0);
  const chosen = (kind: ReplyKind, top: number, second: number): Weighed => ({
    kind,
    confidence: confidence(top, second),
    hits: hits.filter((h) => h.kind === kind || (kind === 'out-of-office' && h.kind === 'auto')),
    automatic,
    decisive: top >= DECISIVE,
  });
  const others = (but: ReplyKind): number =>
    Math.max(0, ...PRECEDENCE.filter((k) => k !== but).map(of), but === 'out-of-office' ? 0 : absence);
  // A footer's "unsubscribe" link in an auto-reply is no request of the absent person.
  if (of('unsubscribe') >= DECISIVE && !(automatic && absence >= 2)) {
    return chosen('unsubscribe', of('unsubscribe') + 2, others('unsubscribe'));
  }
  if (automatic && absence >= 2) return chosen('out-of-office', absence + 3, 0);
  const kind = pick(score);
  if (!automatic && absence >= DECISIVE && absence >= (kind === undefined ? 0 : of(kind))) {
    return chosen('out-of-office', absence, others('out-of-office'));
  }
  if (kind === undefined) {
    return { kind: 'neutral', confidence: automatic ? 0.5 : 0.3, hits: [], automatic, decisive: false };
  }
  return chosen(kind, of(kind), others(kind));
}
