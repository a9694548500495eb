// `pursuit demo`: a believable organisation in an empty database, so a newcomer sees every kind of
// decision at once. Northwind Analytics has an admin, a manager and four reps in different time
// zones; its prospects have histories, relative to now, that land in every rule of the catalogue.
// Everything comes from a seeded PRNG (same seed, same names, ids and decisions), is written in one
// transaction with the repositories, and is decided by the engine itself (refreshDecisions).

import { DAY, MINUTE, dayNumber, formatDay, fromLocal, toLocal } from '../core/calendar.js';
import { PursuitError } from '../core/errors.js';
import { loadPlaybook } from '../core/playbook/load.js';
import type { Playbook } from '../core/playbook/load.js';
import { RULES } from '../core/rules/catalogue.js';
import type { RuleId } from '../core/rules/catalogue.js';
import type { Channel, CommitmentKind, Outcome, Purpose, Sentiment } from '../core/scenario/schema.js';
import type { Contact, Organisation, Product, Prospect, Role, StoredEvent, User } from '../store/records.js';
import { organisations, products, users } from '../store/repositories/people.repository.js';
import { contacts as contactsRepo, prospects } from '../store/repositories/prospects.repository.js';
import { events as eventsRepo, playbooks } from '../store/repositories/history.repository.js';
import type { AppContext } from './context.js';
import { activeEngine, refreshDecisions } from './decisions.js';
import {
  AGENDA_ITEMS,
  CALL_TOPICS,
  MEETING_TOPICS,
  OBJECTIONS,
  OBJECTIVES,
  POWNS,
  REGIONS,
  REPLY_TOPICS,
  Rng,
  companyName,
  derivedSeed,
  domainOf,
  emailOf,
  personName,
} from './demo-words.js';
import { inTransaction } from './workspace.js';

export const DEMO_ORGANISATION = 'Northwind Analytics';
export const DEMO_DEFAULT_SEED = 42;
export const DEMO_DEFAULT_PROSPECTS = 300;
const MAX_PROSPECTS = 10_000;

export interface DemoLogin {
  name: string;
  email: string;
  role: Role;
  timezone: string;
}

interface DemoUser extends DemoLogin {
  phone: string;
  hourlyValue: number | null;
}

const DEMO_USERS: readonly DemoUser[] = [
  {
    name: 'Avery Quinn',
    email: 'avery@northwind.test',
    role: 'admin',
    timezone: 'America/New_York',
    phone: '+1 212 555 0110',
    hourlyValue: null,
  },
  {
    name: 'Morgan Blake',
    email: 'morgan@northwind.test',
    role: 'manager',
    timezone: 'America/Chicago',
    phone: '+1 312 555 0120',
    hourlyValue: null,
  },
  {
    name: 'Dana Whitfield',
    email: 'dana@northwind.test',
    role: 'rep',
    timezone: 'America/Denver',
    phone: '+1 303 555 0199',
    hourlyValue: 120,
  },
  {
    name: 'Luis Ortega',
    email: 'luis@northwind.test',
    role: 'rep',
    timezone: 'America/Los_Angeles',
    phone: '+1 415 555 0131',
    hourlyValue: 100,
  },
  {
    name: 'Priya Raman',
    email: 'priya@northwind.test',
    role: 'rep',
    timezone: 'America/New_York',
    phone: '+1 617 555 0142',
    hourlyValue: 110,
  },
  {
    name: 'Tom Becker',
    email: 'tom@northwind.test',
    role: 'rep',
    timezone: 'Europe/London',
    phone: '+44 20 7946 0153',
    hourlyValue: 90,
  },
];

/** Who can sign in to the demo (`--as EMAIL`), admin first; the same for every seed. */
export function demoLogins(): DemoLogin[] {
  return DEMO_USERS.map(({ name, email, role, timezone }) => ({ name, email, role, timezone }));
}

export interface DemoOptions {
  /** Same seed, same demo (names, ids, histories, decisions). */
  seed?: number;
  /** How many prospects (default 300); every rule needs about 45. */
  prospects?: number;
}

export interface DemoSummary {
  organisation: Organisation;
  users: User[];
  prospects: number;
  contacts: number;
  events: number;
  /** Stored decisions by rule id, every rule of the catalogue listed (0 when none). */
  decisionsByRule: Record<RuleId, number>;
}

function wholeNumber(field: string, value: number | undefined, fallback: number, min: number, max: number) {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new PursuitError(
      'INVALID_INPUT',
      `expected a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`,
      field,
    );
  }
  return value;
}

/** Creates the demo organisation in an empty database, in one transaction, and decides every prospect. */
export async function createDemo(ctx: AppContext, options: DemoOptions = {}): Promise<DemoSummary> {
  const seed = wholeNumber('seed', options.seed, DEMO_DEFAULT_SEED, 0, 0xffffffff);
  const count = wholeNumber('prospects', options.prospects, DEMO_DEFAULT_PROSPECTS, 1, MAX_PROSPECTS);
  const now = ctx.now();
  return inTransaction(ctx, async (q) => {
    if ((await organisations.list(q)).length > 0) {
      throw new PursuitError(
        'CONFLICT',
        'this database already has an organisation; the demo needs an empty one (set PURSUIT_DB or DATABASE_URL to a new database)',
      );
    }
    const ids = new Rng(derivedSeed(seed, 1));
    const rng = new Rng(derivedSeed(seed, 2));
    const founded = now - 420 * DAY;
    const org: Organisation = { id: ids.uuid(), name: DEMO_ORGANISATION, createdAt: founded };
    await organisations.insert(q, org);
    const team: User[] = [];
    for (const u of DEMO_USERS) {
      const user: User = {
        id: ids.uuid(),
        orgId: org.id,
        email: u.email,
        name: u.name,
        role: u.role,
        managerId: u.role === 'rep' ? (team.find((m) => m.role === 'manager')?.id ?? null) : null,
        timezone: u.timezone,
        phone: u.phone,
        hourlyValue: u.hourlyValue,
        createdAt: founded,
      };
      await users.insert(q, user);
      team.push(user);
    }
    const admin = team[0] as User;
    await playbooks.insert(q, {
      id: ids.uuid(),
      orgId: org.id,
      version: 1,
      name: loadPlaybook(ctx.defaultPlaybookText).doc.name,
      document: ctx.defaultPlaybookText,
      createdAt: founded,
      createdBy: admin.id,
      active: true,
    });
    const catalogue = {
      main: {
        id: ids.uuid(),
        orgId: org.id,
        name: 'Northwind Insights',
        status: 'active',
        createdAt: founded,
      },
      old: {
        id: ids.uuid(),
        orgId: org.id,
        name: 'Northwind Pulse',
        status: 'deprioritized',
        createdAt: founded,
      },
    } satisfies Record<string, Product>;
    await products.insert(q, catalogue.main);
    await products.insert(q, catalogue.old);

    const engine = await activeEngine(q, org.id, ctx.defaultPlaybookText);
    const world = new World(now, rng, ids, engine.playbook, org.id, catalogue);
    const reps = team.filter((u) => u.role === 'rep');
    let contactCount = 0;
    let eventCount = 0;
    const prospectIds: string[] = [];
    for (const item of plan(count, reps, rng)) {
      const story = world.story(item.kind, item.owner);
      await prospects.insert(q, story.prospect);
      for (const c of story.contacts) await contactsRepo.insert(q, c);
      for (const e of story.events) await eventsRepo.insert(q, e);
      prospectIds.push(story.prospect.id);
      contactCount += story.contacts.length;
      eventCount += story.events.length;
    }

    const decisionsByRule = Object.fromEntries(Object.keys(RULES).map((r) => [r, 0])) as Record<
      RuleId,
      number
    >;
    const BATCH = 100;
    for (let i = 0; i < prospectIds.length; i += BATCH) {
      const decided = await refreshDecisions(
        q,
        org.id,
        prospectIds.slice(i, i + BATCH),
        now,
        ctx.defaultPlaybookText,
      );
      for (const d of decided.values()) decisionsByRule[d.rule as RuleId] += 1;
    }
    return {
      organisation: org,
      users: team,
      prospects: prospectIds.length,
      contacts: contactCount,
      events: eventCount,
      decisionsByRule,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// The plan: which story each prospect tells, and whose it is.

type KindName = keyof typeof KINDS;

interface PlanItem {
  kind: KindName;
  owner: User;
}

/** Every kind once (and a reply to answer and a call due now for every rep), then by weight. */
function plan(count: number, reps: User[], rng: Rng): PlanItem[] {
  const kinds = Object.keys(KINDS) as KindName[];
  const items: PlanItem[] = [];
  for (const owner of reps) items.push({ kind: 'old-reply', owner }, { kind: 'committed-call-now', owner });
  kinds
    .filter((k) => k !== 'old-reply' && k !== 'committed-call-now')
    .forEach((kind, i) => items.push({ kind, owner: reps[i % reps.length] as User }));
  const weights = kinds.map((k) => [k, KINDS[k].weight] as const);
  while (items.length < count) {
    items.push({ kind: rng.weighted(weights), owner: reps[items.length % reps.length] as User });
  }
  return items.slice(0, count);
}

// ---------------------------------------------------------------------------------------------
// The world: the clock, the calendar, the generators shared by every story.

interface Catalogue {
  main: Product;
  old: Product;
}

const iso = (t: number) => new Date(t).toISOString();

class World {
  private readonly names = new Set<string>();

  constructor(
    readonly now: number,
    readonly rng: Rng,
    readonly ids: Rng,
    readonly playbook: Playbook,
    readonly orgId: string,
    readonly catalogue: Catalogue,
  ) {}

  /** A company name whose web domain no other prospect has (so no two names differ by "Inc." alone). */
  private uniqueCompany(): string {
    for (let attempt = 0; ; attempt += 1) {
      const drawn = companyName(this.rng);
      const name = attempt < 50 ? drawn : `${drawn} ${attempt}`;
      const domain = domainOf(name);
      if (!this.names.has(domain)) {
        this.names.add(domain);
        return name;
      }
    }
  }

  story(kind: KindName, owner: User): Story {
    const r = this.rng;
    const spec: Kind = KINDS[kind];
    const name = this.uniqueCompany();
    const domain = domainOf(name);
    const region = r.weighted(REGIONS.map((g) => [g, g.weight] as const));
    const zone = r.chance(0.08) ? null : region.zone;
    const size = Math.max(
      spec.contacts ?? 1,
      r.weighted([
        [1, 45],
        [2, 35],
        [3, 20],
      ] as const),
    );
    const prospect: Prospect = {
      id: this.ids.uuid(),
      orgId: this.orgId,
      ownerId: owner.id,
      name,
      relationship: 'prospect',
      source: r.choose({ inbound: 25, outbound: 45, referral: 15, event: 15 }),
      createdAt: this.now,
      dealValue: r.chance(0.15)
        ? null
        : r.weighted([
            [r.int(4, 16) * 500, 30],
            [r.int(8, 40) * 1000, 50],
            [r.int(8, 30) * 5000, 20],
          ] as const),
      icpFit: r.choose({ fit: 45, partial: 25, unknown: 30 }),
      serious: null,
      goalsClear: null,
      priceOnly: null,
      productId: r.chance(0.9) ? this.catalogue.main.id : null,
      productFit: 'unknown',
      doNotContact: false,
      snoozedUntil: null,
      updatedAt: this.now,
    };
    const people = new Set<string>();
    const contacts: Contact[] = [];
    while (contacts.length < size) {
      const person = personName(r);
      if (people.has(person)) continue;
      people.add(person);
      const position = contacts.length;
      const hasPhone = position === 0 ? spec.phone === true || r.chance(0.85) : r.chance(0.65);
      contacts.push({
        id: this.ids.uuid(),
        orgId: this.orgId,
        prospectId: prospect.id,
        position,
        name: person,
        role: position === 0 ? 'primary' : 'stakeholder',
        email: emailOf(person, domain),
        phone: hasPhone ? region.phone(r) : null,
        timezone: zone,
        // A third contact sometimes asked not to be contacted; the first two always may be.
        doNotContact: position === 2 && r.chance(0.25),
        createdAt: this.now,
      });
    }
    const story = new Story(this, prospect, contacts, zone ?? owner.timezone);
    spec.tell(story);
    story.finish();
    return story;
  }
}

type MeetingQuality = 'none' | 'partial' | 'full';

class Story {
  readonly events: StoredEvent[] = [];
  /** When the prospect arrived; by default some days before its first event. */
  createdAt: number | undefined;
  private last = Number.NEGATIVE_INFINITY;

  constructor(
    readonly w: World,
    readonly prospect: Prospect,
    readonly contacts: Contact[],
    /** The zone the story's times are read in: the contacts', else the rep's. */
    readonly zone: string,
  ) {}

  get r(): Rng {
    return this.w.rng;
  }

  get now(): number {
    return this.w.now;
  }

  get primary(): Contact {
    return this.contacts[0] as Contact;
  }

  get contactable(): Contact[] {
    return this.contacts.filter((c) => !c.doNotContact);
  }

  /** The playbook's follow-up numbers (spacing, hard maximum, multi-thread threshold). */
  get followUp() {
    return this.w.playbook.doc.followUp;
  }

  // --- time ---------------------------------------------------------------------------------

  /** The local day `n` business days before today (n > 0), after it (n < 0), or today (0). */
  private businessDay(n: number): number {
    const calendar = this.w.playbook.calendar;
    let day = dayNumber(toLocal(this.zone, this.now));
    const step = n > 0 ? -1 : 1;
    for (let left = Math.abs(n); left > 0;) {
      day += step;
      if (calendar.isBusinessDay(day)) left -= 1;
    }
    return day;
  }

  /** A time of day on the business day `n` business days ago (n < 0: ahead), in the story's zone. */
  day(n: number, hour = this.r.int(9, 16), minute = this.r.int(0, 59)): number {
    return fromLocal(this.zone, this.businessDay(n) * DAY + (hour * 60 + minute) * MINUTE);
  }

  /** The date `n` business days ahead (n < 0: ago), as the contract's bare date (2026-04-01). */
  dateAhead(n: number): string {
    return formatDay(this.businessDay(-n));
  }

  minutesAgo(minutes: number): number {
    return this.now - minutes * MINUTE;
  }

  /** The next touch's gap in business days after the k-th unanswered one (the playbook's spacing). */
  gap(k: number): number {
    const spacing = this.followUp.spacingBusinessDays;
    return spacing[Math.min(k, spacing.length) - 1] as number;
  }

  /** Business-day ages of k touches spaced as the playbook spaces them, the last `lastAge` ago. */
  ages(k: number, lastAge: number): number[] {
    const out = [lastAge];
    for (let i = k - 1; i >= 1; i -= 1) out.unshift((out[0] as number) + this.gap(i));
    return out;
  }

  // --- events -------------------------------------------------------------------------------

  private add(
    type: StoredEvent['type'],
    at: number,
    contact: Contact | null,
    fields: Record<string, unknown>,
  ): StoredEvent {
    // Histories are told in order; two events never share a time, so their order is never a tie.
    const when = Math.max(at, this.last + MINUTE);
    if (when > this.now) throw new Error(`demo: a ${type} of ${this.prospect.name} would be in the future`);
    this.last = when;
    const id = this.w.ids.uuid();
    const head = contact === null ? { type, at: iso(when) } : { type, at: iso(when), contactId: contact.id };
    const event: StoredEvent = {
      id,
      orgId: this.w.orgId,
      prospectId: this.prospect.id,
      type,
      at: when,
      contactId: contact?.id ?? null,
      data: { ...head, ...fields, id },
      loggedBy: null,
      loggedAt: when,
      sourceKey: null,
    };
    this.events.push(event);
    return event;
  }

  touch(
    at: number,
    contact: Contact,
    channel: Channel,
    outcome: Outcome,
    purpose: Purpose = 'follow-up',
    extra: { durationMin?: number; meeting?: Record<string, unknown> } = {},
  ): StoredEvent {
    const duration =
      extra.durationMin ??
      (channel === 'call' ? (outcome === 'connected' ? this.r.int(6, 25) : 1) : undefined);
    return this.add('touch', at, contact, {
      channel,
      outcome,
      purpose,
      ...(duration === undefined ? {} : { durationMin: duration }),
      ...(extra.meeting === undefined ? {} : { meeting: extra.meeting }),
    });
  }

  /** A conversation: a call that connected or a meeting held, with what the rep logged about it. */
  talk(
    at: number,
    channel: 'call' | 'meeting',
    quality?: MeetingQuality,
    contact = this.primary,
  ): StoredEvent {
    const q = quality ?? this.r.choose({ none: 35, partial: 40, full: 25 });
    const meeting = this.meetingNotes(q);
    // Without their number, the conversation was a video meeting.
    const how = channel === 'call' && contact.phone === null ? 'meeting' : channel;
    return this.touch(at, contact, how, how === 'call' ? 'connected' : 'held', 'follow-up', {
      durationMin: how === 'call' ? this.r.int(8, 25) : this.r.pick([30, 45, 60]),
      ...(meeting === undefined ? {} : { meeting }),
    });
  }

  private meetingNotes(quality: MeetingQuality): Record<string, unknown> | undefined {
    const r = this.r;
    if (quality === 'none') return undefined;
    const objections = r.chance(0.4) ? [r.pick(OBJECTIONS)] : [];
    if (quality === 'full') {
      return {
        agendaShared: true,
        objective: r.pick(OBJECTIVES),
        powns: r.sample(POWNS, r.int(1, 3)),
        objections,
        infoTailored: true,
      };
    }
    return {
      agendaShared: r.chance(0.5),
      ...(r.chance(0.5) ? { objective: r.pick(OBJECTIVES) } : {}),
      powns: r.chance(0.5) ? r.sample(POWNS, r.int(1, 2)) : [],
      objections,
      infoTailored: r.chance(0.4),
    };
  }

  response(
    at: number,
    sentiment: Sentiment,
    extra: { channel?: Channel; until?: string; referred?: Contact; contact?: Contact } = {},
  ): StoredEvent {
    return this.add('response', at, extra.contact ?? this.primary, {
      channel: extra.channel ?? this.r.choose({ email: 6, call: 3, sms: 1 }),
      sentiment,
      ...(extra.until === undefined ? {} : { until: extra.until }),
      ...(extra.referred === undefined ? {} : { referredContactId: extra.referred.id }),
    });
  }

  /** A commitment; `due` is a time, or a bare date for a reply-by. */
  commit(
    at: number,
    kind: CommitmentKind,
    due: number | string,
    extra: { description?: string; replaces?: StoredEvent; by?: 'prospect' | 'both' } = {},
  ): StoredEvent {
    const topics = kind === 'reply-by' ? REPLY_TOPICS : kind === 'meeting' ? MEETING_TOPICS : CALL_TOPICS;
    return this.add('commitment', at, this.primary, {
      kind,
      by: extra.by ?? 'both',
      due: typeof due === 'string' ? due : iso(due),
      description: extra.description ?? this.r.pick(topics),
      ...(extra.replaces === undefined ? {} : { replaces: extra.replaces.id }),
    });
  }

  prep(at: number, commitment: StoredEvent): StoredEvent {
    return this.add('prep', at, this.primary, {
      commitmentId: commitment.id,
      objective: this.r.pick(OBJECTIVES),
      agenda: this.r.sample(AGENDA_ITEMS, this.r.int(2, 4)),
    });
  }

  deal(at: number, result: 'won' | 'lost'): StoredEvent {
    return this.add('deal', at, null, { result });
  }

  // --- the engine's rhythm ------------------------------------------------------------------

  /** The channel rule: a call, unless the contact has no phone or the last two touches were calls. */
  private channelFor(contact: Contact, sent: StoredEvent[]): Channel {
    if (contact.phone === null) return 'email';
    const recent = sent.filter((e) => e.contactId === contact.id).slice(-2);
    return recent.length === 2 && recent.every((e) => e.data.channel === 'call') ? 'email' : 'call';
  }

  /**
   * Unanswered touches at the given business-day ages, to whom and by what channel Pursuit would
   * have said: the primary first, a multi-thread notice after three, then the least recently touched.
   */
  chase(
    ages: number[],
    options: {
      notice?: boolean;
      firstPurpose?: Purpose;
      firstAt?: number;
      last?: { purpose?: Purpose; channel?: 'email' };
    } = {},
  ): StoredEvent[] {
    const sent: StoredEvent[] = [];
    let noticed = false;
    ages.forEach((age, i) => {
      const isLast = i === ages.length - 1;
      const others = this.contactable.filter(
        (c) => c !== this.primary && !sent.some((e) => e.contactId === c.id),
      );
      const toPrimary = sent.filter((e) => e.contactId === this.primary.id).length;
      let contact = this.primary;
      let purpose: Purpose = i === 0 ? (options.firstPurpose ?? 'follow-up') : 'follow-up';
      if (noticed) {
        contact = this.leastRecentlyTouched(sent);
      } else if (
        options.notice !== false &&
        toPrimary >= this.followUp.multiThreadAfterTouches &&
        others.length > 0
      ) {
        purpose = 'multi-thread';
        noticed = true;
      }
      if (isLast && options.last?.purpose !== undefined) purpose = options.last.purpose;
      const channel =
        isLast && options.last?.channel !== undefined ? 'email' : this.channelFor(contact, sent);
      const outcome: Outcome = channel === 'call' ? (this.r.chance(0.7) ? 'voicemail' : 'no-answer') : 'sent';
      const at = i === 0 && options.firstAt !== undefined ? options.firstAt : this.day(age);
      sent.push(this.touch(at, contact, channel, outcome, purpose));
    });
    return sent;
  }

  private leastRecentlyTouched(sent: StoredEvent[]): Contact {
    let best = this.primary;
    let bestAt = Number.POSITIVE_INFINITY;
    for (const c of this.contactable) {
      const at = sent.findLast((e) => e.contactId === c.id)?.at ?? Number.NEGATIVE_INFINITY;
      if (at < bestAt) {
        best = c;
        bestAt = at;
      }
    }
    return best;
  }

  /**
   * From first contact to a conversation `convAge` business days ago (or at `at`): a few cold
   * touches, then a call that connected, or a reply, a call that booked a meeting, and the meeting.
   */
  discovery(
    convAge: number,
    options: { how?: 'call' | 'meeting'; quality?: MeetingQuality; at?: number } = {},
  ): StoredEvent {
    const how = options.how ?? (this.r.chance(0.5) ? 'call' : 'meeting');
    const cold = this.r.int(1, 4);
    if (how === 'call') {
      this.chase(this.ages(cold, convAge + this.r.int(3, 6)), { notice: false });
      return this.talk(options.at ?? this.day(convAge), 'call', options.quality);
    }
    this.chase(this.ages(cold, convAge + this.r.int(8, 11)), { notice: false });
    this.response(this.day(convAge + 7), 'positive', { channel: 'email' });
    const call = this.talk(this.day(convAge + 6), 'call', 'none');
    const meetingAt =
      options.at ?? this.day(convAge, this.r.pick([9, 10, 11, 13, 14, 15]), this.r.pick([0, 30]));
    this.commit(call.at + this.r.int(5, 30) * MINUTE, 'meeting', meetingAt);
    return this.talk(meetingAt, 'meeting', options.quality);
  }

  /** What a conversation taught us about fit (kept unknown when nobody has talked yet). */
  qualified(): void {
    const p = this.prospect;
    if (p.productFit === 'unknown' && this.r.chance(0.6)) p.productFit = 'fit';
    if (this.r.chance(0.5)) {
      p.serious = true;
      p.goalsClear = this.r.chance(0.7) ? true : null;
      p.priceOnly = false;
    }
  }

  finish(): void {
    const first = this.events[0]?.at;
    const p = this.prospect;
    p.createdAt = this.createdAt ?? (first ?? this.day(this.r.int(1, 5))) - this.r.int(1, 14) * DAY;
    p.updatedAt = Math.max(p.createdAt, this.events.at(-1)?.at ?? p.createdAt);
    for (const c of this.contacts) c.createdAt = p.createdAt;
  }
}

// ---------------------------------------------------------------------------------------------
// The stories. Each lands a prospect in one part of the playbook; the comments name the rule.

interface Kind {
  /** Relative frequency among the prospects beyond the first of each kind. */
  weight: number;
  /** The fewest contacts the story needs. */
  contacts?: number;
  /** The primary contact must have a phone. */
  phone?: boolean;
  tell(s: Story): void;
}

/** A cold stretch of k touches whose last is `lastAge` business days ago. */
function coldChase(s: Story, k: number, lastAge: number, notice = true): StoredEvent[] {
  return s.chase(s.ages(k, lastAge), { notice });
}

/** A conversation, then k unanswered touches, the last `lastAge` business days ago. */
function reachedChase(s: Story, k: number, lastAge: number): void {
  const ages = s.ages(k, lastAge);
  s.discovery((ages[0] as number) + s.r.int(4, 7));
  s.qualified();
  s.chase(ages, { firstPurpose: s.r.pick(['schedule-next-step', 'send-info'] as const) });
}

function smallDeal(s: Story): void {
  s.prospect.dealValue = s.r.int(6, 12) * 100;
}

function bigDeal(s: Story): void {
  s.prospect.dealValue = s.r.int(4, 24) * 5000;
}

function customerHistory(s: Story, lastAge: number): void {
  const checkIns = s.r.int(1, 3);
  const ages = Array.from({ length: checkIns }, (_, i) => lastAge + i * s.r.int(60, 70)).reverse();
  s.talk(s.day((ages[0] as number) + s.r.int(20, 40)), 'meeting', 'full');
  for (const age of ages) {
    if (s.primary.phone !== null && s.r.chance(0.5))
      s.touch(s.day(age), s.primary, 'call', 'connected', 'check-in');
    else s.touch(s.day(age), s.primary, 'email', 'sent', 'check-in');
  }
}

const KINDS = {
  // Rule 7: an inbound lead that arrived minutes ago.
  'new-lead': {
    weight: 2,
    tell(s) {
      s.prospect.source = 'inbound';
      s.createdAt = s.minutesAgo(s.r.int(2, 25));
    },
  },
  // Rule 9f: imported from a list, never touched: start now.
  untouched: {
    weight: 5,
    tell(s) {
      s.prospect.source = s.r.pick(['outbound', 'event', 'referral'] as const);
      s.createdAt = s.day(s.r.int(1, 6));
    },
  },
  // Rule 9f (and 9e for some): a cold sequence under way.
  cold: {
    weight: 14,
    tell(s) {
      const k = s.r.int(1, 7);
      coldChase(s, k, s.r.int(1, s.gap(k) + 2));
    },
  },
  // Rule 9e: three unanswered touches to the primary while a colleague was never tried.
  'multi-thread': {
    weight: 4,
    contacts: 2,
    tell(s) {
      const k = s.r.int(3, 5);
      coldChase(s, k, s.r.int(1, s.gap(k) + 1), false);
    },
  },
  // Rule 9g, never reached: big deals are still worth a touch, small ones get the break-up.
  'long-cold': {
    weight: 5,
    tell(s) {
      if (s.r.chance(0.5)) smallDeal(s);
      else bigDeal(s);
      const k = s.r.int(8, 11);
      coldChase(s, k, s.r.int(1, s.gap(k) + 3));
    },
  },
  // Rule 9f after a conversation (with a diagnosis of what it lacked).
  'reached-chase': {
    weight: 8,
    tell(s) {
      const k = s.r.int(1, 4);
      reachedChase(s, k, s.r.int(1, s.gap(k) + 2));
    },
  },
  // Rule 9g after a conversation.
  'reached-long': {
    weight: 4,
    tell(s) {
      if (s.r.chance(0.3)) s.prospect.dealValue = s.r.int(4, 7) * 100;
      const k = s.r.int(5, 10);
      reachedChase(s, k, s.r.int(1, s.gap(k) + 2));
    },
  },
  // Rule 9c: twelve unanswered touches over months.
  'hard-maximum': {
    weight: 2,
    tell(s) {
      bigDeal(s);
      const k = s.followUp.hardMaximum;
      if (s.r.chance(0.3)) reachedChase(s, k, s.r.int(1, 20));
      else coldChase(s, k, s.r.int(1, 20));
    },
  },
  // Rule 9b: the break-up went out this week.
  'break-up-wait': {
    weight: 3,
    tell(s) {
      const k = s.r.int(7, 11);
      s.chase(s.ages(k + 1, s.r.int(1, 4)), { last: { purpose: 'break-up', channel: 'email' } });
    },
  },
  // Rule 10: no answer to the break-up: nurture.
  'broken-up': {
    weight: 4,
    tell(s) {
      const k = s.r.int(7, 11);
      s.chase(s.ages(k + 1, s.r.int(6, 60)), { last: { purpose: 'break-up', channel: 'email' } });
    },
  },
  // Rule 5: a reply that came in minutes ago.
  'fresh-reply': {
    weight: 4,
    tell(s) {
      const k = s.r.int(1, 4);
      if (s.r.chance(0.5)) reachedChase(s, k, s.r.int(1, 4));
      else coldChase(s, k, s.r.int(1, 4), false);
      const sentiment = s.r.choose({ positive: 3, neutral: 2, objection: 2 });
      s.response(s.minutesAgo(s.r.int(5, 150)), sentiment);
    },
  },
  // Rule 5: a reply from the last business day, still unanswered (overdue).
  'old-reply': {
    weight: 2,
    tell(s) {
      const k = s.r.int(1, 5);
      coldChase(s, k, s.r.int(2, 5), false);
      const sentiment = s.r.choose({ positive: 3, neutral: 2, objection: 1 });
      s.response(s.day(1, s.r.int(13, 16)), sentiment);
    },
  },
  // Rule 5: "talk to my colleague instead".
  referral: {
    weight: 2,
    contacts: 2,
    tell(s) {
      coldChase(s, s.r.int(2, 4), s.r.int(2, 5), false);
      const at = s.r.chance(0.5) ? s.minutesAgo(s.r.int(10, 200)) : s.day(1, s.r.int(10, 16));
      s.response(at, 'referral', { channel: 'email', referred: s.contacts[1] as Contact });
    },
  },
  // Rule 5: an auto-reply: away until a date, or with no date (7 days).
  'out-of-office': {
    weight: 3,
    tell(s) {
      const [last] = s.chase(s.ages(s.r.int(1, 6), s.r.int(1, 3)), { last: { channel: 'email' } }).slice(-1);
      const until = s.r.chance(0.7) ? s.dateAhead(s.r.int(2, 8)) : undefined;
      s.response((last as StoredEvent).at + s.r.int(1, 3) * MINUTE, 'out-of-office', {
        channel: 'email',
        ...(until === undefined ? {} : { until }),
      });
    },
  },
  // Rule 10: "not now, talk to me after a date".
  'not-now': {
    weight: 3,
    tell(s) {
      const age = s.r.int(3, 40);
      if (s.r.chance(0.6)) {
        s.discovery(age + s.r.int(3, 10));
        s.qualified();
      } else coldChase(s, s.r.int(2, 6), age + s.r.int(1, 3), false);
      s.response(s.day(age), 'not-now', { until: s.dateAhead(s.r.int(40, 100)) });
    },
  },
  // Rule 10: "not interested": nurture in six months.
  'not-interested': {
    weight: 2,
    tell(s) {
      const age = s.r.int(5, 120);
      coldChase(s, s.r.int(2, 8), age + s.r.int(1, 3), false);
      s.response(s.day(age), 'not-interested', { channel: 'email' });
    },
  },
  // Rule 10: the deal was lost.
  'lost-deal': {
    weight: 2,
    tell(s) {
      const age = s.r.int(10, 120);
      s.discovery(age + s.r.int(8, 20), { how: 'meeting' });
      s.qualified();
      s.talk(s.day(age + s.r.int(2, 6)), 'call', 'partial');
      s.deal(s.day(age), 'lost');
    },
  },
  // Rule 6: a committed call in a few hours, not prepared yet.
  'call-soon': {
    weight: 2,
    tell(s) {
      const meeting = s.discovery(s.r.int(2, 8), { quality: 'full' });
      s.qualified();
      const due = Math.round((s.now + s.r.int(120, 300) * MINUTE) / (15 * MINUTE)) * 15 * MINUTE;
      s.commit(meeting.at + s.r.int(10, 40) * MINUTE, s.r.pick(['call', 'meeting'] as const), due);
    },
  },
  // Rule 6: a committed call tomorrow, prepared (wait) or not (prepare).
  'call-tomorrow': {
    weight: 3,
    tell(s) {
      const meeting = s.discovery(s.r.int(1, 6));
      s.qualified();
      const due = s.day(-1, s.r.int(9, 16), s.r.pick([0, 30]));
      const c = s.commit(meeting.at + s.r.int(10, 40) * MINUTE, 'call', due);
      if (s.r.chance(0.5)) s.prep(s.minutesAgo(s.r.int(20, 180)), c);
    },
  },
  // Rule 6: a meeting next week (sometimes rescheduled): wait until the day before.
  'call-later': {
    weight: 3,
    tell(s) {
      const age = s.r.int(2, 6);
      const meeting = s.discovery(age, { quality: s.r.pick(['partial', 'full'] as const) });
      s.qualified();
      const first = s.commit(meeting.at + s.r.int(10, 40) * MINUTE, 'meeting', s.day(-2, 10, 0));
      if (s.r.chance(0.4)) {
        s.commit(s.day(age - 1), 'meeting', s.day(-s.r.int(4, 8), 14, 0), { replaces: first });
      }
    },
  },
  // Rule 6: they promised an answer by a date.
  'reply-by': {
    weight: 2,
    tell(s) {
      const call = s.discovery(s.r.int(1, 5), { how: 'call' });
      s.qualified();
      s.commit(call.at + s.r.int(5, 20) * MINUTE, 'reply-by', s.dateAhead(s.r.int(2, 6)), { by: 'prospect' });
    },
  },
  // Rule 6: the committed call is due now.
  'committed-call-now': {
    weight: 1,
    phone: true,
    tell(s) {
      const meeting = s.discovery(s.r.int(2, 8));
      s.qualified();
      const due = Math.floor((s.now - s.r.int(5, 40) * MINUTE) / (5 * MINUTE)) * 5 * MINUTE;
      const c = s.commit(meeting.at + s.r.int(10, 40) * MINUTE, 'call', due);
      if (s.r.chance(0.5)) s.prep(due - s.r.int(60, 240) * MINUTE, c);
    },
  },
  // Rule 8: a conversation that ended without a dated next step.
  'no-commitment': {
    weight: 4,
    tell(s) {
      const today = s.r.chance(0.5);
      s.discovery(
        today ? 0 : s.r.int(1, 3),
        today ? { how: 'call', at: s.minutesAgo(s.r.int(60, 240)) } : {},
      );
      s.qualified();
    },
  },
  // Rule 9a: emailed, spoke, sent the deck: three touches this week is the cap.
  'weekly-cap': {
    weight: 1,
    phone: true,
    tell(s) {
      coldChase(s, s.r.int(1, 3), s.r.int(8, 12), false);
      s.touch(s.day(2, 10), s.primary, 'email', 'sent');
      s.talk(s.day(1, 11), 'call');
      s.touch(s.day(1, 15), s.primary, 'email', 'sent', 'send-info');
    },
  },
  // Rule 9d: a committed call (or answer) was missed and two touches since went unanswered.
  'missed-commitment': {
    weight: 2,
    phone: true,
    tell(s) {
      const ages = s.ages(s.r.int(2, 4), s.r.int(1, 4));
      const firstAge = ages[0] as number;
      if (s.r.chance(0.75)) {
        const meeting = s.discovery(firstAge + s.r.int(3, 6));
        const due = s.day(firstAge, s.r.pick([10, 11, 14, 15]), 0);
        s.commit(meeting.at + s.r.int(10, 40) * MINUTE, 'call', due);
        s.chase(ages, { firstAt: due + 2 * MINUTE });
      } else {
        const call = s.discovery(firstAge + s.r.int(3, 6), { how: 'call' });
        s.commit(call.at + s.r.int(5, 20) * MINUTE, 'reply-by', s.dateAhead(-firstAge), { by: 'prospect' });
        s.chase(ages);
      }
      s.qualified();
    },
  },
  // Rule 1: the company asked not to be contacted, or everyone unsubscribed.
  'do-not-contact': {
    weight: 2,
    tell(s) {
      const [last] = coldChase(s, s.r.int(1, 6), s.r.int(2, 30), false).slice(-1);
      const way = s.r.int(0, 2);
      if (way === 0) s.prospect.doNotContact = true;
      else if (way === 1) for (const c of s.contacts) c.doNotContact = true;
      else {
        s.contacts.splice(1);
        s.response((last as StoredEvent).at + s.r.int(5, 120) * MINUTE, 'unsubscribe', { channel: 'email' });
      }
    },
  },
  // Rule 4: not serious, goals unclear, price only, or a poor fit: a polite exit.
  disqualify: {
    weight: 2,
    tell(s) {
      s.discovery(s.r.int(1, 15), { quality: 'partial' });
      notRight(s);
    },
  },
  // Rule 4: the exit message went out: stop.
  disqualified: {
    weight: 2,
    tell(s) {
      const age = s.r.int(2, 30);
      s.discovery(age + s.r.int(2, 8));
      notRight(s);
      s.touch(s.day(age), s.primary, 'email', 'sent', 'disqualify');
    },
  },
  // Rule 3: the product they wanted was deprioritized, or discovery showed no fit.
  'close-out': {
    weight: 2,
    tell(s) {
      s.discovery(s.r.int(1, 20));
      ourSideChanged(s);
    },
  },
  // Rule 3, then 10: the close-out message went out: nurture in six months.
  'closed-out': {
    weight: 1,
    tell(s) {
      const age = s.r.int(5, 60);
      s.discovery(age + s.r.int(3, 10));
      ourSideChanged(s);
      s.touch(s.day(age), s.primary, 'email', 'sent', 'close-out');
    },
  },
  // Rule 2: customers are never dropped: a check-in every 90 days.
  customer: {
    weight: 6,
    tell(s) {
      s.prospect.relationship = 'customer';
      customerHistory(s, s.r.int(10, 110));
    },
  },
  // Rule 2: ex-customers every 180 days.
  'ex-customer': {
    weight: 2,
    tell(s) {
      s.prospect.relationship = 'ex-customer';
      customerHistory(s, s.r.int(60, 200));
    },
  },
  // Rule 2: a won deal makes a customer.
  won: {
    weight: 1,
    tell(s) {
      const age = s.r.int(20, 150);
      s.discovery(age + s.r.int(10, 25), { how: 'meeting', quality: 'full' });
      s.qualified();
      s.talk(s.day(age + s.r.int(2, 8)), 'meeting', 'full');
      s.deal(s.day(age), 'won');
    },
  },
  // Rule 2 then 5: a customer wrote back; answer within the hour.
  'customer-reply': {
    weight: 1,
    tell(s) {
      s.prospect.relationship = 'customer';
      customerHistory(s, s.r.int(3, 60));
      s.response(s.r.chance(0.5) ? s.minutesAgo(s.r.int(10, 240)) : s.day(1, s.r.int(13, 16)), 'positive');
    },
  },
} satisfies Record<string, Kind>;

function notRight(s: Story): void {
  const p = s.prospect;
  switch (s.r.int(0, 3)) {
    case 0:
      p.serious = false;
      break;
    case 1:
      p.goalsClear = false;
      break;
    case 2:
      p.priceOnly = true;
      break;
    default:
      p.icpFit = 'poor';
  }
}

function ourSideChanged(s: Story): void {
  if (s.r.chance(0.6)) s.prospect.productId = s.w.catalogue.old.id;
  else s.prospect.productFit = 'no-fit';
}
