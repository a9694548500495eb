// The audit log, for admins: sign-ins, sign-outs, tokens, passwords and users, newest first.

import { Type } from 'typebox';
import { AUDIT_PAGE, readAudit } from '../../app/accounts/audit.js';
import { AuditPageView, auditPageView } from '../../app/accounts/views.js';
import type { AppContext } from '../../app/context.js';
import { AUDIT_ACTIONS } from '../../core/records.js';
import { actorOf } from '../auth.js';
import type { Api } from '../build-app.js';

const Query = Type.Object(
  {
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: AUDIT_PAGE.max, description: `default ${AUDIT_PAGE.default}` }),
    ),
    before: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: "the previous page's next" }),
    ),
    action: Type.Optional(Type.Enum([...AUDIT_ACTIONS])),
  },
  { additionalProperties: false },
);

export function auditRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['users'],
        summary: 'The audit log (admins only): who signed in, out, or failed to; tokens; passwords; users',
        querystring: Query,
        response: { 200: AuditPageView },
      },
    },
    async (request) => {
      const limit = request.query.limit ?? AUDIT_PAGE.default;
      const read = await readAudit(ctx, actorOf(request), { ...request.query, limit });
      return auditPageView(read, limit);
    },
  );
}
