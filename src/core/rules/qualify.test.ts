// Rule 4 of PLAYBOOK.md: a prospect that is not right (not serious, goals unclear, price only, poor ICP
// fit) gets a polite exit message (`disqualify`); once it is logged, `stop`; a response after it goes
// to rule 5.

import { describe, expect, it } from 'vitest';
import { decideRaw, NOW, response, scenario, touch } from '../../../test/support/scenario.js';
import type { Json } from '../../../test/support/scenario.js';

const discovery = () => touch('2026-03-02T16:00:00Z', 'meeting', 'held');
const qualified = { serious: true, goalsClear: true, priceOnly: false };
const prospectWith = (prospect: Json, events: Json[] = [discovery()], extra: Json = {}) =>
  scenario({ prospect, events, ...extra });

describe('rule 4: the prospect is not right', () => {
  it.each([
    [
      'not serious (quote-only benchmarking)',
      { qualification: { ...qualified, serious: false } },
      'comparing quotes',
    ],
    [
      'goals unclear',
      { qualification: { ...qualified, goalsClear: false } },
      'not yet clear what you would want',
    ],
    ['price only', { qualification: { ...qualified, priceOnly: true } }, 'price is the deciding factor'],
    ['ICP fit poor', { icpFit: 'poor' }, 'right fit for a business like yours'],
  ])(
    'disqualifies a prospect that is %s, now, by email, with a polite exit message',
    (_, prospect, phrase) => {
      const d = decideRaw(prospectWith(prospect));
      expect(d).toMatchObject({
        action: 'disqualify',
        rule: 'disqualify',
        contactId: 'c1',
        channel: 'email',
        due: NOW,
        activeList: false,
        message: { template: 'disqualify' },
      });
      expect(d.message?.body).toContain(phrase);
    },
  );

  it('does not disqualify when qualification is unknown (null) and ICP fit unknown', () => {
    const d = decideRaw(
      prospectWith(
        { icpFit: 'unknown', qualification: { serious: null, goalsClear: null, priceOnly: null } },
        [],
      ),
    );
    expect(d).toMatchObject({ action: 'follow-up', rule: 'minimum-persistence', contactId: 'c1', due: NOW });
  });

  it('does not disqualify a partial ICP fit', () => {
    const d = decideRaw(prospectWith({ icpFit: 'partial' }, []));
    expect(d).toMatchObject({ action: 'follow-up', rule: 'minimum-persistence', due: NOW });
  });

  it('moves the exit message into the next business window (Saturday -> Monday 08:00 EDT)', () => {
    const d = decideRaw(prospectWith({ icpFit: 'poor' }, [discovery()], { now: '2026-03-14T15:00:00Z' }));
    expect(d).toMatchObject({ action: 'disqualify', rule: 'disqualify', due: '2026-03-16T12:00:00Z' });
  });

  it('disqualifies rather than answers an unanswered reply (rule 4 before rule 5)', () => {
    const d = decideRaw(
      prospectWith({ qualification: { ...qualified, priceOnly: true } }, [
        discovery(),
        response('2026-03-10T14:30:00Z', 'objection'),
      ]),
    );
    expect(d).toMatchObject({ action: 'disqualify', rule: 'disqualify', contactId: 'c1' });
  });

  it('stops once the disqualify touch is logged', () => {
    const d = decideRaw(
      prospectWith({ icpFit: 'poor' }, [
        discovery(),
        touch('2026-03-09T15:00:00Z', 'email', 'sent', { purpose: 'disqualify' }),
      ]),
    );
    expect(d).toMatchObject({ action: 'stop', rule: 'disqualified', activeList: false });
    expect(d.contactId).toBeUndefined();
    expect(d.due).toBeUndefined();
  });

  it('answers a response that came after the disqualify touch (rule 5)', () => {
    const d = decideRaw(
      prospectWith({ icpFit: 'poor' }, [
        discovery(),
        touch('2026-03-09T15:00:00Z', 'email', 'sent', { purpose: 'disqualify' }),
        response('2026-03-10T14:30:00Z', 'positive'),
      ]),
    );
    expect(d).toMatchObject({
      action: 'respond',
      rule: 'respond',
      contactId: 'c1',
      channel: 'email',
      due: '2026-03-10T15:30:00Z',
      activeList: true,
    });
  });
});
