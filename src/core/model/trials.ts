// What a prospect's history teaches the stopping model. Each outbound touch of a silence stretch is
// a trial: it succeeded when it reached them (a connected call, a held meeting) or when a response
// came before the next touch and within the observation window; otherwise it failed. A trial counts
// only once its window has closed at `now`, whatever its outcome: counting early answers while
// leaving out the touches still waiting would make every attempt look more answered than it is. Each
// trial carries what the model conditions on: the attempt number in its stretch, whether the prospect
// had been reached before, the channel, the source, the deal value and the gap since the last touch.
// A response's worth: whether the prospect, once in conversation, went on to a won deal (a lost deal
// is a loss; no deal yet is censored).

import { DAY } from '../calendar.js';
import type { ReachChannel } from '../decision.js';
import { isConversation, isTouch } from '../history.js';
import type { Deal, Source, State } from '../scenario/state.js';

/**
 * How long a touch waits for its answer: longer than the longest spacing between touches (14
 * business days), so a slow stretch's touch is judged by its own answer or by the next touch.
 */
export const OBSERVATION_WINDOW = 30 * DAY;

export interface Trial {
  prospectId: string;
  /** 1 for the first touch of a stretch. */
  attempt: number;
  /** Whether there was a conversation before this stretch. */
  reached: boolean;
  channel: ReachChannel;
  source: Source;
  dealValue: number | undefined;
  /** Since the previous touch of the stretch; undefined for its first. */
  sinceLastTouch: number | undefined;
  responded: boolean;
}

export interface WinTrial {
  prospectId: string;
  /** Whether the prospect had been reached before the conversation that counts. */
  reached: boolean;
  won: boolean;
}

export interface Lessons {
  trials: Trial[];
  wins: WinTrial[];
}

/** The trials of one prospect's history, as of `state.now`. */
export function lessonsOf(state: State): Lessons {
  const judged: { trial: Trial; at: number }[] = [];
  const conversations: { reached: boolean; at: number }[] = [];
  let stretch: number[] = [];
  let reached = false;
  let pending: { trial: Trial; at: number } | undefined;
  const close = (answeredAt: number | undefined) => {
    if (pending === undefined) return;
    const responded = answeredAt !== undefined && answeredAt - pending.at <= OBSERVATION_WINDOW;
    judged.push({ trial: { ...pending.trial, responded }, at: pending.at });
    pending = undefined;
  };
  const conversation = (at: number) => {
    conversations.push({ reached, at });
    reached = true;
    stretch = [];
  };
  for (const e of state.events) {
    if (e.at > state.now) break;
    if (isTouch(e) && e.channel !== 'meeting') {
      close(undefined);
      const previous = stretch.at(-1);
      const trial: Trial = {
        prospectId: state.prospect.id,
        attempt: stretch.length + 1,
        reached,
        channel: e.channel,
        source: state.prospect.source,
        dealValue: state.prospect.dealValue,
        sinceLastTouch: previous === undefined ? undefined : e.at - previous,
        responded: false,
      };
      const at = e.at;
      if (isConversation(e)) {
        judged.push({ trial: { ...trial, responded: true }, at });
        conversation(at);
      } else {
        pending = { trial, at };
        stretch.push(at);
      }
    } else if (isConversation(e)) {
      close(e.at);
      conversation(e.at);
    }
  }
  close(undefined);
  const trials = judged.filter((j) => state.now - j.at >= OBSERVATION_WINDOW).map((j) => j.trial);
  const deal = state.events.find((e): e is Deal => e.type === 'deal' && e.at <= state.now);
  const wins: WinTrial[] =
    deal === undefined
      ? []
      : conversations
          .filter((c) => c.at <= deal.at)
          .map((c) => ({ prospectId: state.prospect.id, reached: c.reached, won: deal.result === 'won' }));
  return { trials, wins };
}
