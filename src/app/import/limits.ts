// An import row's fields held to the limits every other way in has (app/limits.ts): a row with a
// text over its limit is rejected whole, naming the field, rather than stored in full.

import type { ImportUnit } from '../../integrations/crm/unit.js';
import { RowError } from '../../integrations/csv/values.js';
import { EVENT_TEXT_LIMITS, LIMITS, overLimit } from '../limits.js';

function check(field: string, value: unknown, max: number): void {
  const problem = overLimit(value, max);
  if (problem !== undefined) throw new RowError(`${field}: ${problem}`);
}

/** Throws RowError for the first field of the row over its limit. */
export function checkLimits(unit: ImportUnit): void {
  const p = unit.prospect;
  if (p !== undefined) {
    check('prospect.name', p.name, LIMITS.prospectName);
    check('prospect.owner', p.owner, LIMITS.owner);
  }
  for (const c of unit.contacts) {
    check('contact.name', c.name, LIMITS.contactName);
    check('contact.email', c.email, LIMITS.email);
    check('contact.phone', c.phone, LIMITS.phone);
    check('contact.timezone', c.timezone, LIMITS.timezone);
  }
  for (const e of unit.events) {
    for (const [key, max] of Object.entries(EVENT_TEXT_LIMITS)) check(`event.${key}`, e.data[key], max);
  }
}
