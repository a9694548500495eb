// Liveness (the process answers) and readiness (the database answers too), for load balancers.

import { sql } from 'kysely';
import type { AppContext } from '../../app/context.js';
import type { Api } from '../build-app.js';
import { Health } from '../answers.js';

export function healthRoutes(app: Api, ctx: AppContext, state: { closing: boolean }): void {
  const schema = { tags: ['health'], hide: true, response: { 200: Health, 503: Health } };
  app.get('/healthz', { config: { public: true }, schema }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { public: true }, schema }, async (_request, reply) => {
    if (state.closing) return reply.status(503).send({ status: 'closing' });
    try {
      await sql`select 1`.execute(ctx.db.kysely);
      return { status: 'ready', database: ctx.db.dialect };
    } catch {
      return reply.status(503).send({ status: 'database unavailable', database: ctx.db.dialect });
    }
  });
}
