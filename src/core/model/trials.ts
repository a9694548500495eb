// What a prospect's history teaches the stopping model. Each outbound touch of a silence stretch is
// a trial: it succeeded when it reached them (a connected call, a held meeting) or when a response
// came before the next touch; it failed when the next touch went out first, or when nothing came for
// the observation window; it is censored (left out) when its window is still open at `now`. Each
// trial carries what the model conditions on: the attempt number in its stretch, whether the prospect
// had been reached before, the channel, the source, the deal value and the gap since the last touch.
// A response's worth: whether the prospect, once in conversation, went on to a won deal (a lost deal
// is a loss; no deal yet is censored).

import { DAY } from '../calendar.js';
import type { ReachChannel } from '../decision.js';
import { isConversation, isTouch } from '../history.js';
import type { Deal, Source, State } from '../scenario/state.js';

/** How long after a touch with no next touch its silence counts as no response. */
export const OBSERVATION_WINDOW = 14 * DAY;

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
  const trials: Trial[] = [];
  const conversations: { reached: boolean; at: number }[] = [];
  let stretch: number[] = [];
  let reached = false;
  const pending: { trial?: Trial; at: number } = { at: 0 };
  const close = (responded: boolean) => {
    if (pending.trial !== undefined) trials.push({ ...pending.trial, responded });
    pending.trial = undefined;
  };
  const conversation = (at: number) => {
    conversations.push({ reached, at });
    reached = true;
    stretch = [];
  };
  for (const e of state.events) {
    if (e.at > state.now) break;
    if (isTouch(e) && e.channel !== 'meeting') {
      close(false);
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
        trials.push({ ...trial, responded: true });
        conversation(at);
      } else {
        pending.trial = trial;
        pending.at = at;
        stretch.push(at);
      }
    } else if (isConversation(e)) {
      close(true);
      conversation(e.at);
    }
  }
  if (state.now - pending.at >= OBSERVATION_WINDOW) close(false);
  const deal = state.events.find((e): e is Deal => e.type === 'deal' && e.at <= state.now);
  const wins: WinTrial[] =
    deal === undefined
      ? []
      : conversations
          .filter((c) => c.at <= deal.at)
          .map((c) => ({ prospectId: state.prospect.id, reached: c.reached, won: deal.result === 'won' }));
  return { trials, wins };
}
