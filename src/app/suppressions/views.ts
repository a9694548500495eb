// What admins see of the do-not-contact list: each entry's address or number, when and how it came,
// and, once lifted, who lifted it and why.

import Type from 'typebox';
import type { Static } from 'typebox';
import type { Suppression } from '../../core/records.js';
import { Instant, Nullable, Shape, iso } from '../shapes.js';

export const SuppressionView = Shape(
  {
    id: Type.String(),
    kind: Type.Enum(['email', 'phone']),
    value: Type.String({ description: 'the address (lower case) or number (digits, country code first)' }),
    source: Type.Enum(['logged', 'marked', 'unsubscribe-link', 'reply', 'import', 'manual'], {
      description:
        'how it came: an opt-out logged by a rep, a contact marked do-not-contact, the unsubscribe link, an unsubscribe reply, an import, an admin',
    }),
    createdAt: Instant,
    createdBy: Nullable(Type.String(), 'the user who added it; null: the person themselves or an import'),
    contactId: Nullable(Type.String()),
    prospectId: Nullable(Type.String()),
    inForce: Type.Boolean(),
    removedAt: Nullable(Instant),
    removedBy: Nullable(Type.String()),
    removalReason: Nullable(Type.String()),
  },
  'An entry of the do-not-contact list',
);
export type SuppressionView = Static<typeof SuppressionView>;

export function suppressionView(s: Suppression): SuppressionView {
  return {
    id: s.id,
    kind: s.kind,
    value: s.value,
    source: s.source,
    createdAt: iso(s.createdAt),
    createdBy: s.createdBy,
    contactId: s.contactId,
    prospectId: s.prospectId,
    inForce: s.removedAt === null,
    removedAt: iso(s.removedAt),
    removedBy: s.removedBy,
    removalReason: s.removalReason,
  };
}
