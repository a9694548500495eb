// Weighing the cues into one kind. An unsubscribe request beats everything; a notice that the writer
// has left is a referral when it names someone, else neutral, even under an "Out of Office" subject;
// an automatic reply with an absence cue is out-of-office even when it names a colleague or asks to
// be contacted, a typed one when its absence cues are decisive and as strong as any other kind's (an
// absence to come, given as the reason for "not now", is no absence notice); otherwise the first
// kind, in order of precedence, with a decisive cue wins (a referral over a "not now" over a "not
// interested" over an objection over interest over a question). With no decisive cue, the weak cues
// and the leaning words (lean.ts) are added up, and the kind they lean to most wins, with a low
// confidence so that a person reviews it first; if nothing leans far enough, neutral.

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

/** How far the leaning words must go for a kind: further for the kinds whose mistakes cost most. */
const LEAN_NEEDED: Partial<Record<ReplyKind, number>> = { unsubscribe: 4, 'out-of-office': 3 };
const LEAN_ORDER: readonly ReplyKind[] = [...PRECEDENCE.slice(0, -1), 'out-of-office', 'unsubscribe'];

const overlap = (a: Hit, b: Hit): boolean =>
  a.index < b.index + b.phrase.length && b.index < a.index + a.phrase.length;

/** Overlapping hits of one kind count once, at the weight of the strongest. */
function distinct(hits: Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => b.weight - a.weight || a.index - b.index);
  const kept: Hit[] = [];
  for (const h of sorted) {
    const overlaps = kept.some((k) => k.kind === h.kind && overlap(k, h));
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

function decisiveKind(score: Map<CueKind, number>): ReplyKind | undefined {
  return PRECEDENCE.find((k) => (score.get(k) ?? 0) >= DECISIVE);
}

/**
 * A concern and a yes in one reply: the writer's last word is the answer. "It was too expensive,
 * but we've grown. Let's talk" is a yes with a condition; "Thursday works in theory, but we're
 * locked into NetSuite" is a concern.
 */
function lastWord(
  hits: Hit[],
  kind: ReplyKind | undefined,
  of: (k: CueKind) => number,
): ReplyKind | undefined {
  if (kind !== 'objection' || of('positive') < DECISIVE) return kind;
  const last = (k: CueKind): number => Math.max(...hits.filter((h) => h.kind === k).map((h) => h.index));
  return last('positive') > last('objection') ? 'positive' : kind;
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

/**
 * No cue decided: the weak cues and the leaning words together. The kind that leans furthest wins
 * when it leans further than the neutral cues (a question, an acknowledgement) and far enough.
 */
function settle(hits: Hit[], lean: Hit[], automatic: boolean): Weighed {
  const all = distinct([...hits, ...lean.filter((h) => h.kind !== 'neutral')]);
  const total = scores(all);
  const of = (k: ReplyKind): number => total.get(k) ?? 0;
  let best: ReplyKind | undefined;
  for (const k of LEAN_ORDER) if (of(k) > (best === undefined ? 0 : of(best))) best = k;
  const needed = best === 'out-of-office' && automatic ? 2 : (LEAN_NEEDED[best ?? 'neutral'] ?? 2);
  if (best === undefined || of(best) < needed || of(best) <= of('neutral')) {
    const said = hits.filter((h) => h.kind === 'neutral');
    return { kind: 'neutral', confidence: automatic ? 0.5 : 0.3, hits: said, automatic, decisive: false };
  }
  const second = Math.max(0, ...LEAN_ORDER.filter((k) => k !== best).map(of), of('neutral'));
  const c = Math.min(0.5, 0.25 + 0.05 * (of(best) - second));
  return {
    kind: best,
    confidence: Math.round(c * 100) / 100,
    hits: all.filter((h) => h.kind === best),
    automatic,
    decisive: false,
  };
}

export function weigh(allHits: Hit[], signal: AutoSignal, hasTarget: boolean, lean: Hit[] = []): Weighed {
  const hits = distinct(hasTarget ? allHits : withoutTarget(allHits));
  const score = scores(hits);
  const of = (k: CueKind): number => score.get(k) ?? 0;
  const automatic = signal.byHeader || signal.subject !== undefined || of('auto') > 0;
  const typed = of('out-of-office');
  // "X has left the company": whoever set it up as an "Out of Office" reply, nobody is away.
  const departed = of('departure') >= DECISIVE && typed < DECISIVE;
  const absence = typed + (signal.subject?.absence === true && !departed ? DECISIVE : 0);
  const chosen = (kind: ReplyKind, top: number, second: number): Weighed => ({
    kind,
    confidence: confidence(top, second),
    hits: hits.filter(
      (h) =>
        h.kind === kind ||
        (kind === 'out-of-office' && h.kind === 'auto') ||
        (kind === 'referral' && h.kind === 'departure'),
    ),
    automatic,
    decisive: top >= DECISIVE,
  });
  const others = (but: ReplyKind): number =>
    Math.max(0, ...PRECEDENCE.filter((k) => k !== but).map(of), but === 'out-of-office' ? 0 : absence);
  // A footer's "unsubscribe" link in an auto-reply is no request of the absent person.
  if (of('unsubscribe') >= DECISIVE && !(automatic && absence >= 2)) {
    return chosen('unsubscribe', of('unsubscribe') + 2, others('unsubscribe'));
  }
  // "X has left the company, contact Y" points to Y; with nobody named it is read as any other reply.
  if (departed && hasTarget) return chosen('referral', Math.max(of('referral'), DECISIVE) + 1, 0);
  const leaning = lean.filter((h) => h.kind === 'out-of-office');
  if (automatic && absence >= 2) return chosen('out-of-office', absence + 3, 0);
  // An automatic reply in words of absence the cues lack ("working remotely with intermittent
  // connectivity"): the words it leans on are its explanation.
  if (automatic && leaning.reduce((sum, h) => sum + h.weight, 0) >= 2) {
    const decided = chosen('out-of-office', 3, 0);
    return { ...decided, confidence: 0.6, hits: [...decided.hits, ...distinct(leaning)] };
  }
  const kind = lastWord(hits, decisiveKind(score), of);
  // A typed absence outweighs the answer it comes with; thanks and "I'll reply then" go with it, and
  // words that are part of the absence ("back in 2 weeks") are no come-back time of their own.
  const away = hits.filter((h) => h.kind === 'out-of-office');
  const rival =
    kind === undefined || kind === 'neutral'
      ? 0
      : hits
          .filter((h) => h.kind === kind && !away.some((a) => overlap(a, h)))
          .reduce((sum, h) => sum + h.weight, 0);
  if (!automatic && absence >= DECISIVE && absence >= rival) {
    return chosen('out-of-office', absence, others('out-of-office'));
  }
  if (kind !== undefined) return chosen(kind, of(kind), others(kind));
  return settle(hits, lean, automatic);
}
