// What every rule reads: the state, its history, the playbook, the model, and the resolved defaults.

import type { Decision } from '../decision.js';
import type { History } from '../history.js';
import type { StoppingModel } from '../model/stopping-model.js';
import type { Playbook } from '../playbook/load.js';
import type { ContactInfo, Relationship, State } from '../scenario/state.js';

export interface Ctx {
  state: State;
  h: History;
  playbook: Playbook;
  model: StoppingModel;
  now: number;
  dealValue: number;
  hourlyValue: number;
  /** The relationship after logged deals: a won deal makes a prospect a customer. */
  relationship: Relationship;
  contactable: ContactInfo[];
}

/** A rule either decides or passes to the next one. */
export type Rule = (ctx: Ctx) => Decision | undefined;

export function contactById(ctx: Ctx, id: string | undefined): ContactInfo | undefined {
  return id === undefined ? undefined : ctx.state.contacts.find((c) => c.id === id);
}

export function isContactable(ctx: Ctx, contact: ContactInfo | undefined): contact is ContactInfo {
  return contact !== undefined && ctx.contactable.includes(contact);
}
