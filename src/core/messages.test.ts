// Message drafts: every template renders cleanly, voicemails are 20-35 words (8-14 s spoken), and
// the break-up is non-defensive and asks permission.

import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PLAYBOOK,
  contact,
  decideRaw,
  scenario,
  response,
  silentTouches,
  touch,
} from '../../test/support/scenario.js';
import { textMessage } from './messages.js';
import { TEMPLATE_NAMES } from './playbook/schema.js';
import { renderText } from './playbook/template.js';
import type { TemplateValues } from './playbook/template.js';

const words = (text: string) => text.trim().split(/\s+/).length;

const FULL: TemplateValues = {
  'contact.firstName': 'Peter',
  'contact.name': 'Peter Lee',
  'prospect.name': 'Acme Corp',
  'rep.name': 'Dana Whitfield',
  'rep.firstName': 'Dana',
  'rep.company': 'Northwind Analytics',
  'rep.phone': '+1 555 0199',
  'commitment.description': '15-minute call to review the proposal',
  'commitment.when': 'Tuesday, March 17 at 12:00 PM EDT',
  topic: 'onboarding new hires takes six weeks',
  objection: 'the price',
  'referred.firstName': 'Sue',
  'referred.name': 'Sue Park',
  others: 'Sue Park and Tom Reyes',
  reason: 'we are retiring the product we talked about',
  until: 'Monday, May 4',
};
const SPARSE: TemplateValues = { 'contact.firstName': 'Peter', 'prospect.name': 'Acme Corp' };

describe('voicemail scripts', () => {
  it.each(TEMPLATE_NAMES)('%s is 20 to 35 words with full and with sparse data', (name) => {
    const template = DEFAULT_PLAYBOOK.templates[name];
    for (const values of [FULL, SPARSE]) {
      const script = renderText(template.voicemail, values);
      expect(words(script), script).toBeGreaterThanOrEqual(20);
      expect(words(script), script).toBeLessThanOrEqual(35);
    }
  });
});

describe('rendered templates', () => {
  it.each(TEMPLATE_NAMES)(
    '%s leaves no slot, "undefined" or stray space, with full or sparse data',
    (name) => {
      const template = DEFAULT_PLAYBOOK.templates[name];
      for (const values of [FULL, SPARSE]) {
        for (const text of [template.subject, template.body, template.voicemail].map((t) =>
          renderText(t, values),
        )) {
          expect(text).not.toMatch(/\{\{|\}\}|undefined|null| {2}| [,.!?]/);
          expect(text.length).toBeGreaterThan(0);
        }
      }
    },
  );
});

describe('drafts on decisions', () => {
  it('fill names, company and phone from the scenario', () => {
    const d = decideRaw(scenario({ events: [touch('2026-03-09T16:00:00Z', 'meeting', 'held')] }));
    expect(d.action).toBe('schedule-next-step');
    expect(d.message?.body).toContain('Hi Peter,');
    expect(d.message?.body).toContain('Dana Whitfield');
    expect(d.message?.voicemail).toContain('+1 555 0199');
  });

  it('carry a voicemail script of 20-35 words whenever the action goes by call', () => {
    const d = decideRaw(
      scenario({
        events: [
          touch('2026-01-05T16:00:00Z', 'meeting', 'held'),
          ...silentTouches(12, '2026-03-06T16:00:00Z', 5),
        ],
      }),
    );
    expect(d).toMatchObject({ action: 'break-up', channel: 'call' });
    const script = d.message?.voicemail ?? '';
    expect(words(script)).toBeGreaterThanOrEqual(20);
    expect(words(script)).toBeLessThanOrEqual(35);
  });

  it('have no voicemail script when the action goes by email', () => {
    const d = decideRaw(
      scenario({ contacts: [contact('c1', { role: 'primary', phone: null })], events: [] }),
    );
    expect(d.channel).toBe('email');
    expect(d.message?.voicemail).toBeUndefined();
  });

  it('by text message have no subject and no email sign-off, and say who sent them', () => {
    const d = decideRaw(
      scenario({
        events: [
          touch('2026-03-09T16:00:00Z', 'sms', 'sent'),
          response('2026-03-10T14:30:00Z', 'positive', { channel: 'sms' }),
        ],
      }),
    );
    expect(d).toMatchObject({ action: 'respond', channel: 'sms' });
    expect(d.message?.subject).toBe('');
    expect(d.message?.body).toMatch(/^Hi Peter,\n\n/);
    expect(d.message?.body).not.toMatch(/\bBest,/);
    expect(d.message?.body).toMatch(/\n\n– Dana, OurCo$/);
  });

  it('keep a P.S. after the sign-off when written as a text, and need no company to say who sent them', () => {
    expect(
      textMessage(
        'Hi Jo,\n\nShall we talk?\n\nKind regards,\nDana Whitfield\n\nP.S. Bring Sam.',
        'Dana Whitfield',
        undefined,
      ),
    ).toBe('Hi Jo,\n\nShall we talk?\n\nP.S. Bring Sam.\n\n– Dana');
    expect(textMessage('Thanks for the call.\n\nCheers', undefined, undefined)).toBe('Thanks for the call.');
  });

  it('make the break-up non-defensive: it asks permission to take them off the list and invites a call back', () => {
    const body = renderText(DEFAULT_PLAYBOOK.templates['break-up'].body, FULL);
    expect(body).toMatch(/Would it be all right if I took you off my active follow-up list\?/);
    expect(body).toMatch(/If I have misunderstood, call me back/);
    expect(body).not.toMatch(/\b(unfortunately|ignored|never replied|disappointed)\b/i);
  });
});
