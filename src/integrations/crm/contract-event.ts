// Checks one imported event against the decision contract (CONTRACT.md) before it is stored, so a
// bad row is rejected with a reason instead of failing the decision of its prospect later.

import { parseDay } from '../../core/calendar.js';
import { EVENT_SCHEMAS, EventHead, OUTCOMES_BY_CHANNEL } from '../../core/scenario/schema.js';
import type { Channel } from '../../core/scenario/schema.js';
import { isBareDate, parseInstant } from '../../core/scenario/time.js';
import { compileValidator } from '../../core/validation.js';

const head = compileValidator(EventHead);
const byType = {
  touch: compileValidator(EVENT_SCHEMAS.touch),
  response: compileValidator(EVENT_SCHEMAS.response),
  commitment: compileValidator(EVENT_SCHEMAS.commitment),
  prep: compileValidator(EVENT_SCHEMAS.prep),
  deal: compileValidator(EVENT_SCHEMAS.deal),
};

function dateOrTime(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (isBareDate(value)) return !Number.isNaN(parseDay(value));
  return parseInstant(value) !== undefined;
}

/** The first problem of a contract event, as "field: what was expected", or undefined. */
export function eventProblem(
  event: Record<string, unknown>,
  options: { atChecked?: boolean } = {},
): string | undefined {
  const type = event.type as keyof typeof byType;
  const validator = Object.hasOwn(byType, type) ? byType[type] : undefined;
  if (validator === undefined) {
    const h = head.problem(event);
    return h === undefined ? 'type: is not an event type' : `${h.path}: ${h.message}`;
  }
  const p = validator.problem(event);
  if (p !== undefined) return `${p.path}: ${p.message}`;
  if (options.atChecked !== true && parseInstant(event.at as string) === undefined) {
    return 'at: expected a real date and time';
  }
  if (type === 'touch') {
    const allowed = OUTCOMES_BY_CHANNEL[event.channel as Channel];
    if (!allowed.includes(event.outcome as never)) {
      return `outcome: expected one of ${allowed.join(', ')} for a ${String(event.channel)}, got "${String(event.outcome)}"`;
    }
  }
  if (type === 'commitment') {
    if (event.due === undefined || event.due === null) {
      if (event.kind !== 'cancelled') return `due: is required for a ${String(event.kind)} commitment`;
    } else if (!dateOrTime(event.due)) return 'due: expected a real date or time';
  }
  if (type === 'response' && event.until !== undefined && event.until !== null && !dateOrTime(event.until)) {
    return 'until: expected a real date or time';
  }
  return undefined;
}
