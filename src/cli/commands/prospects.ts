// `pursuit prospect add|edit|show|list` and `pursuit contact add|edit`.

import type { Decision } from '../../core/decision.js';
import { addContact, addProspect, editContact, editProspect } from '../../app/prospects/prospects.js';
import { listProspects, showProspect } from '../../app/prospects/reading.js';
import type { ContactInput, ProspectInput } from '../../app/prospects/prospects.js';
import type { StoredEvent } from '../../core/records.js';
import { contactView, prospectPage, prospectView } from '../../app/prospects/views.js';
import { decisionView } from '../../app/decisions/views.js';
import { prospectMail } from '../../app/mail/outbox.js';
import { replyView } from '../../app/mail/views.js';
import { EXIT } from '../exit.js';
import { formatDecision, formatWhen } from '../format.js';
import type { Io } from '../program.js';
import { asActor, printJson, wholeNumber } from '../session.js';
import type { GlobalOptions } from '../session.js';

export interface ProspectOptions extends GlobalOptions, Omit<ProspectInput, 'contact' | 'doNotContact'> {
  contact?: string;
  email?: string;
  phone?: string;
  timezone?: string;
  doNotContact?: boolean;
}

function contactInput(o: {
  contact?: string;
  email?: string;
  phone?: string;
  timezone?: string;
}): ContactInput {
  const out: ContactInput = {};
  if (o.contact !== undefined) out.name = o.contact;
  if (o.email !== undefined) out.email = o.email;
  if (o.phone !== undefined) out.phone = o.phone;
  if (o.timezone !== undefined) out.timezone = o.timezone;
  return out;
}

function prospectInput(name: string | undefined, o: ProspectOptions): ProspectInput {
  const { as: _as, json: _json, contact: _c, email: _e, phone: _p, timezone: _t, ...rest } = o;
  return { ...rest, ...(name === undefined ? {} : { name }), contact: contactInput(o) };
}

export async function prospectAddCommand(name: string, options: ProspectOptions, io: Io): Promise<number> {
  return asActor(io, options, async ({ ctx }, actor) => {
    const prospect = await addProspect(ctx, actor, prospectInput(name, options));
    const view = await showProspect(ctx, actor, prospect.id);
    if (options.json === true) printJson(io, prospectPage(view, ctx.now()));
    else {
      io.stdout.write(`Added ${prospect.name}.\n\n`);
      io.stdout.write(`${decisionBlock(view.decision?.decision, view, actor.timezone, ctx.now())}\n`);
    }
    return EXIT.ok;
  });
}

export async function prospectEditCommand(
  typed: string,
  options: ProspectOptions & { rename?: string },
  io: Io,
): Promise<number> {
  return asActor(io, options, async ({ ctx }, actor) => {
    const input = prospectInput(options.rename, options);
    delete input.contact;
    const prospect = await editProspect(ctx, actor, typed, input);
    const view = await showProspect(ctx, actor, prospect.id);
    if (options.json === true) printJson(io, prospectPage(view, ctx.now()));
    else
      io.stdout.write(
        `Updated ${prospect.name}.\n\n${decisionBlock(view.decision?.decision, view, actor.timezone, ctx.now())}\n`,
      );
    return EXIT.ok;
  });
}

type View = Awaited<ReturnType<typeof showProspect>>;

function decisionBlock(
  raw: Record<string, unknown> | undefined,
  view: View,
  zone: string,
  now: number,
): string {
  if (raw === undefined) return 'No decision yet.';
  const decision = raw as unknown as Decision;
  return formatDecision(decision, {
    title: `${view.prospect.name}: next`,
    contactName: view.contacts.find((c) => c.id === decision.contactId)?.name,
    repZone: zone,
    now,
  });
}

/** A bare date as it is; a time as the date it falls on in the reader's zone. */
function dateOf(value: string, zone: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(Date.parse(value));
}

/** A bare date as it is; a time as the reader reads times. */
function whenOf(value: string, zone: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : formatWhen(Date.parse(value), zone);
}

function describeEvent(e: StoredEvent, names: Map<string, string>, zone: string): string {
  const d = e.data;
  const who = e.contactId === null ? '' : ` · ${names.get(e.contactId) ?? e.contactId}`;
  switch (e.type) {
    case 'touch':
      return `${String(d.channel)} ${String(d.outcome)}${d.purpose !== undefined && d.purpose !== 'follow-up' ? ` (${String(d.purpose)})` : ''}${who}`;
    case 'response':
      return `response: ${String(d.sentiment)}${d.until !== undefined ? ` until ${dateOf(String(d.until), zone)}` : ''}${who}`;
    case 'commitment':
      return `commitment: ${String(d.kind)}${typeof d.due === 'string' ? ` due ${whenOf(d.due, zone)}` : ''} by ${d.by === 'prospect' ? 'them' : d.by === 'rep' ? 'you' : 'both'}${d.description !== undefined ? ` "${String(d.description)}"` : ''}${who}`;
    case 'prep':
      return `prep note${d.objective !== undefined ? `: ${String(d.objective)}` : ''}`;
    case 'deal':
      return `deal ${String(d.result)}`;
  }
}

export async function prospectShowCommand(typed: string, options: GlobalOptions, io: Io): Promise<number> {
  return asActor(io, options, async ({ ctx }, actor) => {
    const view = await showProspect(ctx, actor, typed);
    if (options.json === true) {
      printJson(io, prospectPage(view, ctx.now()));
      return EXIT.ok;
    }
    const p = view.prospect;
    const lines = [
      `${p.name}  (${view.standing}, ${p.source}${p.dealValue === null ? '' : `, deal ${p.dealValue.toLocaleString('en-US')}`}, ICP ${p.icpFit}; owner ${view.owner?.name ?? '?'})`,
      '',
      'Contacts:',
      ...view.contacts.map(
        (c) =>
          `  ${c.name}${c.role === 'primary' ? ' (primary)' : ''}${c.email === null ? '' : ` <${c.email}>`}${c.phone === null ? '' : ` ${c.phone}`}${c.timezone === null ? '' : ` ${c.timezone}`}${c.doNotContact ? ' DO NOT CONTACT' : ''}`,
      ),
      '',
      'Timeline:',
    ];
    const names = new Map(view.contacts.map((c) => [c.id, c.name]));
    if (view.events.length === 0) lines.push('  (nothing logged yet)');
    for (const e of view.events) {
      lines.push(`  ${formatWhen(e.at, actor.timezone)}  ${describeEvent(e, names, actor.timezone)}`);
    }
    const mail = await prospectMail(ctx, actor, p.id);
    if (mail.replies.length > 0) {
      lines.push(
        '',
        'Replies read from the mailbox (correct one: pursuit reply correct PROSPECT ID --kind KIND):',
      );
      for (const r of mail.replies.map(replyView)) {
        const read =
          r.reading === null
            ? 'a bounce'
            : `read as ${r.reading.kind}${r.reading.until === null ? '' : ` until ${r.reading.until}`}${r.reading.counted ? '' : ' (automatic, not counted)'}${r.reading.phrases.length === 0 ? '' : `: "${r.reading.phrases.slice(0, 2).join('", "')}"`}`;
        lines.push(
          `  ${r.id.slice(0, 8)}  ${formatWhen(Date.parse(r.receivedAt), actor.timezone)}  ${r.from}, ${read}`,
        );
      }
    }
    lines.push('', decisionBlock(view.decision?.decision, view, actor.timezone, ctx.now()));
    io.stdout.write(`${lines.join('\n')}\n`);
    return EXIT.ok;
  });
}

export interface ListOptions extends GlobalOptions {
  search?: string;
  owner?: string;
  limit?: string;
}

export async function prospectListCommand(options: ListOptions, io: Io): Promise<number> {
  return asActor(io, options, async ({ ctx }, actor) => {
    const rows = await listProspects(ctx, actor, {
      ...(options.search === undefined ? {} : { search: options.search }),
      ...(options.owner === undefined ? {} : { owner: options.owner }),
      ...(options.limit === undefined ? {} : { limit: wholeNumber('limit', options.limit, 1) }),
    });
    if (options.json === true) {
      printJson(
        io,
        rows.map((r) => ({ ...prospectView(r.prospect), decision: decisionView(r.decision) })),
      );
      return EXIT.ok;
    }
    if (rows.length === 0)
      io.stdout.write(
        options.search !== undefined || options.owner !== undefined
          ? 'No prospects match.\n'
          : 'No prospects yet. Add one: pursuit prospect add "Acme Corp" --contact "Peter Lee"\n',
      );
    for (const { prospect, decision } of rows) {
      const due = decision?.due == null ? '' : formatWhen(decision.due, actor.timezone);
      io.stdout.write(
        `${prospect.name.padEnd(28)} ${(decision?.action ?? '-').padEnd(18)} ${due.padEnd(22)} ${decision?.rule ?? ''}\n`,
      );
    }
    return EXIT.ok;
  });
}

export interface ContactOptions extends GlobalOptions {
  email?: string;
  phone?: string;
  timezone?: string;
  role?: string;
  doNotContact?: boolean;
  rename?: string;
}

function contactChanges(o: ContactOptions, name?: string): ContactInput {
  const out = contactInput({ ...o, ...(name === undefined ? {} : { contact: name }) });
  if (o.role !== undefined) out.role = o.role;
  if (o.doNotContact !== undefined) out.doNotContact = o.doNotContact;
  return out;
}

export async function contactAddCommand(
  prospect: string,
  name: string,
  options: ContactOptions,
  io: Io,
): Promise<number> {
  return asActor(io, options, async ({ ctx }, actor) => {
    const contact = await addContact(ctx, actor, prospect, contactChanges(options, name));
    if (options.json === true) printJson(io, contactView(contact));
    else io.stdout.write(`Added ${contact.name} (${contact.role}).\n`);
    return EXIT.ok;
  });
}

export async function contactEditCommand(
  prospect: string,
  name: string,
  options: ContactOptions,
  io: Io,
): Promise<number> {
  return asActor(io, options, async ({ ctx }, actor) => {
    const contact = await editContact(ctx, actor, prospect, name, contactChanges(options, options.rename));
    if (options.json === true) printJson(io, contactView(contact));
    else io.stdout.write(`Updated ${contact.name}.\n`);
    return EXIT.ok;
  });
}
