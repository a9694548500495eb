// The organisation's playbook: read it (everyone), preview how many decisions a new version would
// change, and put a new version in force (admins). A bad playbook names its bad setting.

import { Type } from 'typebox';
import type { AppContext } from '../../app/context.js';
import { activePlaybook, usePlaybook } from '../../app/decisions/playbook.js';
import type { PlaybookVersion } from '../../core/records.js';
import { actorOf } from '../auth.js';
import type { Api } from '../build-app.js';

const Document = Type.Object(
  { document: Type.String({ minLength: 1, maxLength: 200_000 }) },
  { additionalProperties: false },
);

const view = (v: PlaybookVersion) => ({
  version: v.version,
  name: v.name,
  document: v.document,
  createdAt: new Date(v.createdAt).toISOString(),
});

export function playbookRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/playbook',
    { schema: { tags: ['playbook'], summary: 'The playbook in force' } },
    async (request) => view(await activePlaybook(ctx, actorOf(request))),
  );

  app.post(
    '/api/playbook/preview',
    {
      schema: {
        tags: ['playbook'],
        summary: 'Check a new version and count the prospects whose decision would change (nothing is kept)',
        body: Document,
      },
    },
    async (request) => {
      const r = await usePlaybook(ctx, actorOf(request), request.body.document, { dryRun: true });
      return { name: r.version.name, changed: r.changed };
    },
  );

  app.put(
    '/api/playbook',
    {
      schema: {
        tags: ['playbook'],
        summary: 'Put a new version in force and re-decide every prospect',
        body: Document,
      },
    },
    async (request) => {
      const r = await usePlaybook(ctx, actorOf(request), request.body.document);
      return { ...view(r.version), changed: r.changed };
    },
  );
}
