// The organisation's playbook: read it (everyone), preview how many decisions a new version would
// change, and put a new version in force (admins). A bad playbook names its bad setting.

import { Type } from 'typebox';
import type { AppContext } from '../../app/context.js';
import { activePlaybook, usePlaybook } from '../../app/decisions/playbook.js';
import { PlaybookChange, PlaybookInForce, PlaybookPreview, playbookView } from '../../app/decisions/views.js';
import { PursuitError } from '../../core/errors.js';
import { actorOf } from '../auth.js';
import type { Api } from '../build-app.js';

const Document = Type.Object(
  { document: Type.String({ minLength: 1, maxLength: 200_000 }) },
  { additionalProperties: false },
);

/** A playbook's own paths name its settings; one about the whole text names the body's field. */
async function checked<T>(use: Promise<T>): Promise<T> {
  try {
    return await use;
  } catch (error) {
    if (error instanceof PursuitError && (error.path === undefined || error.path === '')) {
      throw new PursuitError(error.code, error.detail, 'document');
    }
    throw error;
  }
}

export function playbookRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/playbook',
    {
      schema: { tags: ['playbook'], summary: 'The playbook in force', response: { 200: PlaybookInForce } },
    },
    async (request) => ({
      ...playbookView(await activePlaybook(ctx, actorOf(request))),
      defaults: ctx.defaultPlaybookText,
    }),
  );

  app.post(
    '/api/playbook/preview',
    {
      schema: {
        tags: ['playbook'],
        summary: 'Check a new version and count the prospects whose decision would change (nothing is kept)',
        body: Document,
        response: { 200: PlaybookPreview },
      },
    },
    async (request) => {
      const r = await checked(usePlaybook(ctx, actorOf(request), request.body.document, { dryRun: true }));
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
        response: { 200: PlaybookChange },
      },
    },
    async (request) => {
      const r = await checked(usePlaybook(ctx, actorOf(request), request.body.document));
      return { ...playbookView(r.version), changed: r.changed };
    },
  );
}
