// The agenda gains a class between time-critical work and the rest: ending a chase the engine has
// decided to end (the break-up) and the few touches a calibrated model makes only to keep learning
// (rule `exploration`). Both rank below a value that the rest of the day would beat, so ranked by
// value alone they were never reached in a full day. Stored ranks move from (0, 1) to (0, 1, 2).

import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's types */
export async function up(db: Kysely<any>): Promise<void> {
  await db.updateTable('decisions').set({ urgency: 2 }).where('urgency', '=', 1).execute();
  await db
    .updateTable('decisions')
    .set({ urgency: 1 })
    .where((eb) => eb.or([eb('action', '=', 'break-up'), eb('rule', '=', 'exploration')]))
    .where('urgency', '=', 2)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.updateTable('decisions').set({ urgency: 1 }).where('urgency', '>=', 1).execute();
}
