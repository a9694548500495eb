// The agenda's classes (core/agenda.ts) become three: time-critical work (now with securing the
// next step after a conversation), then the short messages that keep Pursuit's promises (break-up,
// disqualify, close-out, a customer's check-in, a nurture touch, and exploring touches), then the
// rest by value per minute. Ranked by value alone, the middle class was never reached in a full
// day. Stored ranks move from (0, 1) to (0, 1, 2). The lists are written out here: a migration must
// not depend on today's code.

import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's types */
export async function up(db: Kysely<any>): Promise<void> {
  await db.updateTable('decisions').set({ urgency: 2 }).where('urgency', '=', 1).execute();
  await db
    .updateTable('decisions')
    .set({ urgency: 1 })
    .where((eb) =>
      eb.or([
        eb('action', 'in', ['break-up', 'disqualify', 'close-out', 'check-in', 'nurture']),
        eb('rule', '=', 'exploration'),
      ]),
    )
    .where('urgency', '=', 2)
    .execute();
  await db.updateTable('decisions').set({ urgency: 0 }).where('rule', '=', 'schedule-next-step').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.updateTable('decisions').set({ urgency: 1 }).where('urgency', '>=', 1).execute();
}
