// Rule 3 of PLAYBOOK.md: when our side changed (product deprioritized or end-of-life, or no fit after
// discovery) the prospect hears the honest reason (`close-out`); once that touch is logged, nurture
// starts 180 days later; a response after it goes to rule 5.

import { describe, expect, it } from 'vitest';
import { contact, decideRaw, NOW, response, scenario, touch } from '../../../test/support/scenario.js';
import type { Json } from '../../../test/support/scenario.js';

const discovery = () => touch('2026-03-02T16:00:00Z', 'meeting', 'held');
const withProduct = (product: Json, events: Json[] = [discovery()], extra: Json = {}) =>
  scenario({ prospect: { product }, events, ...extra });
const closeOutTouch = (at: string) => touch(at, 'email', 'sent', { purpose: 'close-out' });

describe('rule 3: our side changed', () => {
  it.each([
    ['deprioritized', 'fit', 'stop investing in the product'],
    ['end-of-life', 'fit', 'retiring the product'],
    ['active', 'no-fit', "I don't believe what we offer is the right fit"],
  ])('closes out (product %s, fit %s) now, by email, with the honest reason', (status, fit, phrase) => {
    const d = decideRaw(withProduct({ status, fit }));
    expect(d).toMatchObject({
      action: 'close-out',
      rule: 'close-out',
      contactId: 'c1',
      channel: 'email',
      due: NOW,
      activeList: false,
      message: { template: 'close-out' },
    });
    expect(d.message?.body).toContain(phrase);
  });

  it('does not close out an active product whose fit is unknown', () => {
    const d = decideRaw(withProduct({ status: 'active', fit: 'unknown' }, []));
    expect(d).toMatchObject({ action: 'follow-up', rule: 'minimum-persistence', due: NOW });
  });

  it("moves the close-out into the contact's next business window", () => {
    // 15:00Z is midnight in Tokyo: the next window opens Wed 08:00 JST = Tue 23:00Z.
    const d = decideRaw(
      withProduct({ status: 'end-of-life', fit: 'fit' }, [discovery()], {
        contacts: [contact('c1', { role: 'primary', timezone: 'Asia/Tokyo' })],
      }),
    );
    expect(d).toMatchObject({ action: 'close-out', contactId: 'c1', due: '2026-03-10T23:00:00Z' });
  });

  it('closes out rather than disqualifies when both apply (rule 3 before rule 4)', () => {
    const d = decideRaw(
      scenario({
        prospect: { product: { status: 'end-of-life', fit: 'fit' }, icpFit: 'poor' },
        events: [discovery()],
      }),
    );
    expect(d).toMatchObject({ action: 'close-out', rule: 'close-out' });
  });

  it('closes out rather than answers an unanswered positive reply (rule 3 before rule 5)', () => {
    const d = decideRaw(
      withProduct({ status: 'deprioritized', fit: 'fit' }, [
        discovery(),
        response('2026-03-10T14:30:00Z', 'positive'),
      ]),
    );
    expect(d).toMatchObject({ action: 'close-out', rule: 'close-out', contactId: 'c1' });
  });

  describe('after the close-out touch', () => {
    it('nurtures, first touch 180 days later (a Sunday, so moved to Monday 08:00)', () => {
      // 2026-03-10T14:00Z + 180 days = Sun 2026-09-06 -> Mon 2026-09-07 08:00 EDT.
      const d = decideRaw(
        withProduct({ status: 'end-of-life', fit: 'fit' }, [
          discovery(),
          closeOutTouch('2026-03-10T14:00:00Z'),
        ]),
      );
      expect(d).toMatchObject({
        action: 'nurture',
        rule: 'nurture',
        contactId: 'c1',
        channel: 'email',
        due: '2026-09-07T12:00:00Z',
        activeList: false,
        message: { template: 'nurture' },
      });
    });

    it('nurtures, first touch exactly 180 days later when that falls in a window', () => {
      const d = decideRaw({
        ...withProduct({ status: 'deprioritized', fit: 'fit' }, [
          discovery(),
          closeOutTouch('2026-03-11T14:00:00Z'),
        ]),
        now: '2026-03-11T15:00:00Z',
      });
      expect(d).toMatchObject({ action: 'nurture', rule: 'nurture', due: '2026-09-07T14:00:00Z' });
    });

    it('then nurtures every 90 days after the last nurture touch', () => {
      const d = decideRaw({
        ...withProduct({ status: 'end-of-life', fit: 'fit' }, [
          discovery(),
          closeOutTouch('2025-09-01T15:00:00Z'),
          touch('2026-03-10T14:00:00Z', 'email', 'sent', { purpose: 'nurture' }),
        ]),
      });
      expect(d).toMatchObject({
        action: 'nurture',
        rule: 'nurture',
        due: '2026-06-08T14:00:00Z',
        activeList: false,
      });
    });

    it('answers a positive response that came after the close-out (rule 5)', () => {
      const d = decideRaw(
        withProduct({ status: 'end-of-life', fit: 'fit' }, [
          discovery(),
          closeOutTouch('2026-03-09T15:00:00Z'),
          response('2026-03-10T14:30:00Z', 'positive'),
        ]),
      );
      expect(d).toMatchObject({
        action: 'respond',
        rule: 'respond',
        contactId: 'c1',
        channel: 'email',
        due: '2026-03-10T15:30:00Z',
      });
    });
  });
});
