// The pipeline as a board: a column for each state (core/pipeline.ts), each with its count, its deal
// value and its first cards (the soonest next step first), for the owners the caller may see or one
// of them, and for some states only. A column is paged on its own ("show more"). Stale decisions are
// decided again first, so no card shows a next step that time has already changed.

import {
  PIPELINE_LABELS,
  PIPELINE_STATES,
  isOverdue,
  nextStepGist,
  pipelineState,
} from '../../core/pipeline.js';
import type { PipelineState } from '../../core/pipeline.js';
import type { Action } from '../../core/decision.js';
import { PursuitError } from '../../core/errors.js';
import { pageBounds } from '../inputs.js';
import type { User } from '../../core/records.js';
import { users } from '../../store/repositories/people.repository.js';
import { pipelineRows } from '../../store/repositories/pipeline.repository.js';
import type { PipelineGroup } from '../../store/repositories/pipeline.repository.js';
import type { AppContext, Q } from '../context.js';
import { inTransaction, readMostly } from '../context.js';
import { resolveName, visibleOwners } from '../accounts/actors.js';
import { refreshStale, refreshStaleInPages } from '../decisions/decisions.js';

export const BOARD_PAGE = { default: 20, max: 100 } as const;

export interface BoardOptions {
  /** One owner (id, name or email); else everyone the caller may see. */
  owner?: string;
  /** States, comma-separated (core's names); else all of them. */
  state?: string;
  /** Where the columns' cards start, and how many: one column's "show more". */
  offset?: number;
  limit?: number;
}

export interface BoardCard {
  id: string;
  name: string;
  ownerId: string;
  ownerName: string;
  dealValue: number | null;
  /** The next step in a few words, and the decision's own sentence. */
  nextStep: string | null;
  reason: string | null;
  due: number | null;
  overdue: boolean;
  snoozedUntil: number | null;
}

export interface BoardState {
  state: PipelineState;
  label: string;
  count: number;
  value: number;
}

export interface BoardColumn extends BoardState {
  cards: BoardCard[];
  /** Whether cards remain after these. */
  more: boolean;
}

export interface Board {
  now: number;
  /** The owner filtered by, if any. */
  owner: User | null;
  /** Whose prospects the caller may see, for choosing one. */
  owners: User[];
  /** Every state with its count and value (the filter's choices), in the board's order. */
  states: BoardState[];
  /** The states shown. */
  selected: PipelineState[];
  columns: BoardColumn[];
  offset: number;
  total: { count: number; value: number };
}

function parseStates(typed: string | undefined): PipelineState[] {
  if (typed === undefined || typed.trim() === '') return [...PIPELINE_STATES];
  const asked = new Set(typed.split(',').map((s) => s.trim()));
  for (const s of asked) {
    if (!(PIPELINE_STATES as readonly string[]).includes(s)) {
      throw new PursuitError(
        'INVALID_INPUT',
        `no pipeline state "${s}"; the states are ${PIPELINE_STATES.join(', ')}`,
        'state',
      );
    }
  }
  return PIPELINE_STATES.filter((s) => asked.has(s));
}

/**
 * Whose prospects a board or a pipeline shows: those the caller may see (`visible`; undefined: the
 * whole organisation), or one of them (`owner`) when asked for; `ownerIds` is what is read.
 */
export async function shownOwners(
  q: Q,
  actor: User,
  typed: string | undefined,
): Promise<{
  everyone: User[];
  visible: string[] | undefined;
  owner: User | null;
  ownerIds: string[] | undefined;
}> {
  const everyone = await users.list(q, actor.orgId);
  const visible = await visibleOwners(q, actor);
  if (typed === undefined) return { everyone, visible, owner: null, ownerIds: visible };
  const owner = resolveName(everyone, typed, 'user', 'owner');
  if (visible !== undefined && !visible.includes(owner.id))
    throw new PursuitError('FORBIDDEN', 'not your team', 'owner');
  return { everyone, visible, owner, ownerIds: [owner.id] };
}

/**
 * The board. Many stale decisions (a manager's whole team after a quiet night) are first brought up
 * to date a page at a time in transactions of their own; the read's own refresh then finds few.
 */
export async function board(ctx: AppContext, actor: User, options: BoardOptions = {}): Promise<Board> {
  const now = ctx.now();
  const selected = parseStates(options.state);
  const { offset, limit } = pageBounds(
    options.offset ?? 0,
    options.limit ?? BOARD_PAGE.default,
    BOARD_PAGE.max,
    'cards',
    'a column',
  );
  const { everyone, visible, owner, ownerIds } = await inTransaction(
    ctx,
    (q) => shownOwners(q, actor, options.owner),
    { readOnly: true },
  );
  await refreshStaleInPages(ctx, actor.orgId, ownerIds);
  return readMostly(ctx, async (q) => {
    await refreshStale(q, actor.orgId, now, ctx.defaultPlaybookText, ownerIds);
    const filter = { orgId: actor.orgId, ...(ownerIds === undefined ? {} : { ownerIds }) };

    const states = new Map<PipelineState, BoardState>(
      PIPELINE_STATES.map((state) => [state, { state, label: PIPELINE_LABELS[state], count: 0, value: 0 }]),
    );
    const groups = new Map<PipelineState, PipelineGroup[]>();
    const total = { count: 0, value: 0 };
    for (const g of await pipelineRows.totals(q, filter)) {
      const state = pipelineState(g);
      const s = states.get(state) as BoardState;
      s.count += g.count;
      s.value += g.value;
      total.count += g.count;
      total.value += g.value;
      groups.set(state, [
        ...(groups.get(state) ?? []),
        { relationship: g.relationship, action: g.action, rule: g.rule },
      ]);
    }

    const names = new Map(everyone.map((u) => [u.id, u.name]));
    const columns: BoardColumn[] = [];
    // One more than asked for says whether there are more.
    const read = await pipelineRows.columns(
      q,
      filter,
      selected.map((state) => groups.get(state) ?? []),
      { offset, limit: limit + 1 },
    );
    for (const [i, state] of selected.entries()) {
      const s = states.get(state) as BoardState;
      const rows = read.filter((r) => r.column === i);
      columns.push({
        ...s,
        more: rows.length > limit,
        cards: rows.slice(0, limit).map((r) => ({
          id: r.id,
          name: r.name,
          ownerId: r.ownerId,
          ownerName: names.get(r.ownerId) ?? '',
          dealValue: r.dealValue,
          nextStep:
            r.action === null || r.rule === null ? null : nextStepGist(r.action as Action, r.rule, r.channel),
          reason: r.reason,
          due: r.due,
          overdue: isOverdue(r.action, r.due, now),
          snoozedUntil: r.snoozedUntil !== null && r.snoozedUntil > now ? r.snoozedUntil : null,
        })),
      });
    }
    return {
      now,
      owner,
      owners: visible === undefined ? everyone : everyone.filter((u) => visible.includes(u.id)),
      states: [...states.values()],
      selected,
      columns,
      offset,
      total,
    };
  });
}
