// One policy on one seed, day by day. Each business day, for each rep: new leads arrive; every
// prospect whose decision is stale (its state changed, or its due arrived) is decided again; for
// the engine, the rep's hourly value is set from the day's candidates (opportunityHourlyValue) and
// the decisions that weigh it are decided again; then the rep works the due actions in order until
// the day's minutes run out (the rest wait). A touch's outcome comes from the truth; a response
// ends the chase and costs the conversation minutes (taken from the following days).

import { actionMinutes, agendaRank, compareAgenda } from '../agenda.js';
import { DAY, MINUTE } from '../calendar.js';
import { decide } from '../decide.js';
import type { Decision } from '../decision.js';
import { calibratedModel } from '../model/calibrated-model.js';
import { opportunityHourlyValue } from '../model/opportunity.js';
import type { Candidate } from '../model/opportunity.js';
import { explorationShare, priorModel } from '../model/stopping-model.js';
import type { StoppingModel } from '../model/stopping-model.js';
import type { Playbook } from '../playbook/load.js';
import type { Purpose } from '../scenario/schema.js';
import type { RepInfo } from '../scenario/state.js';
import { learn } from './learn.js';
import type { CalibrationNote } from './learn.js';
import { answers } from './leads.js';
import type { Lead } from './leads.js';
import { logTouch, newChase, repInfo, ZONE } from './chase.js';
import type { Chase } from './chase.js';
import { measure, noExploration } from './metrics.js';
import type { RunMetrics } from './metrics.js';
import type { Policy } from './policies.js';
import { truthModel } from './truth.js';
import type { World } from './world.js';

/** Actions the rep works: touches of rule 9 and speed to lead. */
const WORK: ReadonlySet<string> = new Set(['follow-up', 'break-up', 'empathy', 'multi-thread']);
/** Actions that take the prospect off the active list. */
const ENDS: ReadonlySet<string> = new Set(['nurture', 'stop', 'disqualify', 'close-out']);
/** Rules whose decision weighs the rep's hourly value. */
const WEIGHS_TIME: ReadonlySet<string> = new Set(['cost-benefit', 'exploration']);

/** The first simulated day: Monday 5 January 2026 (any Monday would do; the truth has no seasons). */
export const FIRST_DAY = Math.floor(Date.UTC(2026, 0, 5) / DAY);

/** The epoch day numbers of the simulated business days (the playbook's calendar). */
export function businessDays(playbook: Playbook, count: number): number[] {
  const days: number[] = [];
  for (let d = FIRST_DAY; days.length < count; d += 1) if (playbook.calendar.isBusinessDay(d)) days.push(d);
  return days;
}

interface Rep {
  index: number;
  info: RepInfo;
  active: Chase[];
  /** Conversation minutes still to be spent. */
  owed: number;
}

export interface RunInput {
  world: World;
  playbook: Playbook;
  policy: Policy;
  seed: number;
  leads: readonly Lead[];
  onDay?: (day: number) => void;
  /** The model to start from instead of the playbook's prior (diagnostics: a model that knows the truth). */
  model?: StoppingModel;
  /** Sees every touch and every rep's day as it happens (tests, diagnostics). */
  trace?: Trace;
}

export interface Trace {
  touch?(t: { day: number; chase: Chase; attempt: number; answered: boolean; decision: Decision }): void;
  repDay?(t: {
    day: number;
    rep: number;
    available: number;
    used: number;
    due: number;
    hourlyValue: number | undefined;
  }): void;
}

export function runPolicy(input: RunInput): RunMetrics {
  return new PolicyRun(input).run();
}

class PolicyRun {
  private model: StoppingModel;
  private day = 0;
  private readonly reps: Rep[];
  private readonly all: Chase[] = [];
  private readonly calibrations: CalibrationNote[] = [];
  private readonly counts = { touches: 0, touchesOnNeverResponders: 0, responses: 0, wins: 0, revenue: 0 };
  private readonly exploration = noExploration();
  private readonly minutesPerTouch: Record<string, number>;

  constructor(private readonly input: RunInput) {
    this.model =
      input.model ??
      (input.policy.kind === 'engine' && input.policy.model === 'truth'
        ? truthModel(input.world)
        : priorModel(input.playbook));
    this.minutesPerTouch = input.playbook.doc.model.minutesPerTouch;
    this.reps = Array.from({ length: input.world.reps }, (_, r) => {
      const info = repInfo(r);
      // A fixed rule never weighs the rep's time: every touch up to its limit is "worth it".
      if (input.policy.kind === 'fixed') info.hourlyValue = 0;
      return { index: r, info, active: [], owed: 0 };
    });
  }

  run(): RunMetrics {
    const { world, playbook, leads, policy } = this.input;
    const days = businessDays(playbook, world.days);
    const open = playbook.calendar.startMinute * MINUTE;
    const close = playbook.calendar.endMinute * MINUTE;
    let next = 0;
    let calibratedAt = (days[0] as number) * DAY + open;
    days.forEach((epochDay, day) => {
      const start = epochDay * DAY + open;
      const end = epochDay * DAY + close;
      for (; next < leads.length && (leads[next] as Lead).day === day; next += 1) {
        const lead = leads[next] as Lead;
        const rep = this.reps[lead.rep] as Rep;
        const chase = newChase(lead, rep.info, start);
        rep.active.push(chase);
        this.all.push(chase);
      }
      if (
        policy.kind === 'engine' &&
        policy.model === 'calibrated' &&
        start - calibratedAt >= world.calibrateEveryDays * DAY
      ) {
        calibratedAt = start;
        this.recalibrate(start);
      }
      this.day = day;
      for (const rep of this.reps) this.workDay(rep, start, end);
      this.input.onDay?.(day);
    });
    return measure({
      world,
      playbook,
      policy,
      seed: this.input.seed,
      chases: this.all,
      counts: this.counts,
      exploration: this.exploration,
      calibrations: this.calibrations,
    });
  }

  private recalibrate(now: number): void {
    const note = learn(
      this.all,
      now,
      this.input.playbook,
      this.calibrations.filter((c) => c.applied).length + 1,
    );
    this.calibrations.push(note.note);
    if (note.params === undefined) return;
    this.model = calibratedModel(note.params, explorationShare(this.input.playbook));
    for (const rep of this.reps) for (const chase of rep.active) chase.decision = undefined;
  }

  private decideAt(chase: Chase, now: number): Decision {
    chase.state.now = now;
    const d = decide(chase.state, this.input.playbook, this.model);
    chase.decision = d;
    chase.decidedAt = now;
    chase.due = d.due === undefined ? Number.POSITIVE_INFINITY : Date.parse(d.due);
    return d;
  }

  /** Brings the chase's decision up to date for the day; false when the chase has ended. */
  private refresh(chase: Chase, start: number, end: number): boolean {
    for (let guard = 0; guard < 6; guard += 1) {
      const d = chase.decision;
      if (d === undefined) {
        this.decideAt(chase, start);
      } else if (ENDS.has(d.action)) {
        chase.ending = 'dropped';
        return false;
      } else if (chase.due >= end) {
        return true;
      } else if (d.action === 'wait') {
        if (chase.decidedAt >= chase.due) return true;
        this.decideAt(chase, Math.max(start, chase.due));
      } else if (!WORK.has(d.action)) {
        throw new Error(`the simulation does not model the action "${d.action}" (rule ${d.rule})`);
      } else if (chase.decidedAt < start && chase.due >= start) {
        // Decided on an earlier day, due today: decide again now that its time has come.
        this.decideAt(chase, start);
      } else {
        return true;
      }
    }
    return true;
  }

  private workDay(rep: Rep, start: number, end: number): void {
    const { world, policy } = this.input;
    const dayMinutes = world.hoursPerDay * 60;
    const carried = Math.min(rep.owed, dayMinutes);
    rep.owed -= carried;
    const available = dayMinutes - carried;
    rep.active = rep.active.filter((chase) => this.refresh(chase, start, end));
    let due = rep.active.filter((c) => c.due < end && WORK.has((c.decision as Decision).action));
    if (policy.kind === 'engine') {
      const hourly = opportunityHourlyValue(
        due.map((c) => this.candidate(c)),
        available,
      );
      rep.info.hourlyValue = hourly;
      for (const chase of due) {
        const d = chase.decision as Decision;
        if (WEIGHS_TIME.has(d.rule) && d.model?.hourlyValue !== hourly) this.decideAt(chase, chase.decidedAt);
      }
      due = due.filter((c) => c.due < end && WORK.has((c.decision as Decision).action));
    }
    let used = 0;
    for (const chase of this.order(due)) {
      const d = chase.decision as Decision;
      const minutes = actionMinutes(d, this.minutesPerTouch);
      if (used + minutes > available) break;
      this.touch(rep, chase, start + used * MINUTE, d);
      used += minutes;
    }
    this.input.trace?.repDay?.({
      day: this.day,
      rep: rep.index,
      available,
      used,
      due: due.length,
      hourlyValue: rep.info.hourlyValue,
    });
    rep.active = rep.active.filter((c) => c.ending === 'active');
  }

  private candidate(chase: Chase): Candidate {
    const d = chase.decision as Decision;
    return {
      expectedValue: d.model?.expectedValue ?? 0,
      minutes: actionMinutes(d, this.minutesPerTouch),
      urgency: agendaRank(d).urgency,
    };
  }

  private order(due: Chase[]): Chase[] {
    if (this.input.policy.order === 'oldest') {
      return [...due].sort((a, b) => a.due - b.due || a.lead.index - b.lead.index);
    }
    return due
      .map((chase) => ({ chase, due: chase.due, ...agendaRank(chase.decision as Decision) }))
      .sort(compareAgenda)
      .map((r) => r.chase);
  }

  private touch(rep: Rep, chase: Chase, at: number, d: Decision): void {
    const { world, seed, policy } = this.input;
    const lead = chase.lead;
    const channel = d.channel ?? 'call';
    const answered = answers(world, seed, lead, chase.attempts + 1, channel);
    // Under a fixed rule the hard maximum's break-up is one more follow-up: only the rule stops.
    const purpose: Purpose = policy.kind === 'fixed' ? 'follow-up' : (d.action as Purpose);
    logTouch(chase, at, channel, purpose, answered);
    this.input.trace?.touch?.({ day: this.day, chase, attempt: chase.attempts, answered, decision: d });
    this.counts.touches += 1;
    if (!lead.canRespond) this.counts.touchesOnNeverResponders += 1;
    const exploring = d.rule === 'exploration' && d.model !== undefined;
    if (exploring) {
      const m = d.model as NonNullable<Decision['model']>;
      this.exploration.touches += 1;
      this.exploration.minutes += m.minutes;
      this.exploration.timeValue += m.touchCost;
    }
    if (answered) {
      if (exploring) {
        this.exploration.responses += 1;
        if (lead.wins) this.exploration.revenue += lead.dealValue;
      }
      chase.ending = 'responded';
      rep.owed += world.conversationMinutes;
      this.counts.responses += 1;
      if (lead.wins) {
        this.counts.wins += 1;
        this.counts.revenue += lead.dealValue;
      }
      chase.deal = {
        type: 'deal',
        id: 'd',
        at: this.input.playbook.calendar.addBusinessDays(ZONE, at, world.closeDays),
        seq: 0,
        result: lead.wins ? 'won' : 'lost',
      };
    } else if (policy.kind === 'fixed' && chase.attempts >= policy.stopAfter) {
      chase.ending = 'dropped';
    }
  }
}
