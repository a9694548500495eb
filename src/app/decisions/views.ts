// What the outside sees of decisions and playbook versions: a decision exactly as the engine made it
// (CONTRACT.md) with when it was made, and a playbook version with its document.

import Type from 'typebox';
import type { Static } from 'typebox';
import { Decision } from '../../core/decision.js';
import type { PlaybookVersion, StoredDecision } from '../../core/records.js';
import { Instant, Nullable, Shape, iso } from '../shapes.js';

export const DecisionView = Shape(
  { ...Decision.properties, decidedAt: Instant },
  'The decision of CONTRACT.md, as the engine made it, with when it was made',
);
export type DecisionView = Static<typeof DecisionView>;

export const MaybeDecision = Nullable(DecisionView);

export function decisionView(d: StoredDecision | undefined): DecisionView | null {
  if (d === undefined) return null;
  return { ...(d.decision as unknown as Decision), decidedAt: iso(d.decidedAt) };
}

const playbookFields = {
  version: Type.Integer({ minimum: 1 }),
  name: Type.String(),
  document: Type.String({ description: 'the playbook as written (YAML or JSON)' }),
  createdAt: Instant,
};

export const PlaybookView = Shape(playbookFields, "A version of the organisation's playbook");
export type PlaybookView = Static<typeof PlaybookView>;

export function playbookView(v: PlaybookVersion): PlaybookView {
  return { version: v.version, name: v.name, document: v.document, createdAt: iso(v.createdAt) };
}

export const PlaybookInForce = Shape(
  {
    ...playbookFields,
    defaults: Type.String({
      description: 'the default playbook, which a document saying `extends: default` changes only in part',
    }),
  },
  "The organisation's playbook in force, with the default it may build on",
);

export const PlaybookChange = Shape(
  {
    ...playbookFields,
    changed: Type.Integer({ minimum: 0, description: 'prospects whose next action or rule changed' }),
  },
  'A playbook version put in force, and how many decisions it changed',
);

export const PlaybookPreview = Shape(
  {
    name: Type.String(),
    changed: Type.Integer({ minimum: 0, description: 'prospects whose next action or rule would change' }),
  },
  'What a new playbook version would change (nothing is kept)',
);
