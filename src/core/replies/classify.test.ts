import { describe, expect, it } from 'vitest';
import { classifyReply } from './classify.js';
import type { ReplyInput } from './classify.js';

const AT = Date.parse('2026-03-10T10:00:00Z'); // a Tuesday
const QUOTE =
  '\n\nOn Mon, Mar 9, 2026 at 9:00 AM Dana Whitfield <dana@northwind.example> wrote:\n' +
  "> Would a 15-minute call on Thursday work? If now is not the right time, I'll follow up next quarter.\n" +
  "> If you're not interested, just reply no.\n> Not interested in hearing from us? Unsubscribe: https://northwind.example/u";

function classify(text: string, more: Partial<ReplyInput> = {}): ReturnType<typeof classifyReply> {
  return classifyReply({
    subject: 'Re: Your monthly reporting',
    text,
    receivedAt: AT,
    zone: 'Europe/London',
    ...more,
  });
}

describe('classifyReply', () => {
  it('reads only the reply above the quote: the quoted email never decides the kind', () => {
    const result = classify(`Sure, Thursday at 2pm works.${QUOTE}`);
    expect(result.kind).toBe('positive');
    expect(result.ownText).toBe('Sure, Thursday at 2pm works.');
    expect(result.phrases.every((p) => result.ownText.includes(p))).toBe(true);
    expect(classify(`Got it, thanks.${QUOTE}`).kind).toBe('neutral');
  });

  it('names the phrases that decided, as written, most decisive first', () => {
    const result = classify('Please REMOVE ME from your mailing list. Not interested.');
    expect(result.kind).toBe('unsubscribe');
    expect(result.phrases[0]).toBe('REMOVE ME from your mailing list');
    expect(result.confidence).toBeGreaterThan(0.8);
  });

  it('lets an unsubscribe request beat a no and a named successor', () => {
    expect(classify(`Not interested. Please take me off your mailing list.${QUOTE}`).kind).toBe(
      'unsubscribe',
    );
    expect(classify("I've moved to operations, please remove me; you might try Jacob Lind.").kind).toBe(
      'unsubscribe',
    );
  });

  it('never reads a negated removal as an unsubscribe', () => {
    expect(classify(`No need to unsubscribe me, but not now.${QUOTE}`).kind).toBe('not-now');
    expect(classify("Don't remove me, just bad timing. Try me in May.").kind).toBe('not-now');
    expect(classify('Please keep me on your list, I am interested. Call me Thursday.').kind).toBe('positive');
  });

  it('tells a plain "please stop" (a no) from "stop emailing me" (a removal)', () => {
    expect(classify('Please stop.').kind).toBe('not-interested');
    expect(classify('Please stop following up.').kind).toBe('not-interested');
    expect(classify('Stop emailing me.').kind).toBe('unsubscribe');
    expect(classify('Do not contact me again.').kind).toBe('unsubscribe');
  });

  it('reads "not interested" and "not uninterested" apart', () => {
    expect(classify("We're not interested, thanks.").kind).toBe('not-interested');
    expect(classify('Not uninterested, just slammed. Call me Thursday afternoon.').kind).toBe('positive');
  });

  it('calls an auto-reply with an absence out-of-office even when it names a colleague', () => {
    const result = classify(
      'Thank you for your email. I am out of the office until 16 March. For urgent matters please contact Jane Doe (jane.doe@acme.example).',
      { subject: 'Automatic reply: Your monthly reporting', headers: { 'auto-submitted': 'auto-replied' } },
    );
    expect(result).toMatchObject({
      kind: 'out-of-office',
      until: '2026-03-16',
      automatic: true,
      language: 'en',
    });
    expect(result.referral).toBeUndefined();
  });

  it('reads a hand-typed absence as out-of-office, not automatic', () => {
    const result = classify("I'm on jury duty this week, offline until Monday.");
    expect(result).toMatchObject({ kind: 'out-of-office', until: '2026-03-16', automatic: false });
  });

  it('reads a typed absence in unusual words by the date it gives for being back or away', () => {
    expect(classify('Zit deze week op de beurs, ben maandag terug.')).toMatchObject({
      kind: 'out-of-office',
      until: '2026-03-16',
    });
    expect(classify("Je suis à Lyon jusqu'à jeudi, de retour vendredi.").until).toBe('2026-03-13');
    expect(classify("I'll get back to you on Monday.").kind).toBe('neutral');
    expect(classify('Noted. I will be back in touch on the 20th.').kind).toBe('neutral');
    expect(classify('Ich melde mich am Montag zurück.').kind).toBe('neutral');
  });

  it('marks an automatic message by its headers, its subject or its text', () => {
    expect(classify('Received.', { headers: { 'x-autoreply': 'yes' } }).automatic).toBe(true);
    expect(classify('Received.', { subject: 'Automatische Antwort: Frage' }).automatic).toBe(true);
    expect(classify('This is an automated response: we have received your message.').automatic).toBe(true);
    expect(classify('Received, thanks.').automatic).toBe(false);
  });

  it('calls it a referral only when a name or an address is given', () => {
    const named = classify('Not me, please talk to Sue Park, sue.park@acme.example.');
    expect(named).toMatchObject({
      kind: 'referral',
      referral: { email: 'sue.park@acme.example', name: 'Sue Park' },
    });
    expect(classify("I'm interested, but my colleague Paolo Greco runs our reporting.").kind).toBe(
      'referral',
    );
    expect(classify("I'm not the right person for this, sorry.").kind).toBe('neutral');
    expect(classify('Our CFO handles vendors.').kind).toBe('neutral');
  });

  it('reads a left-the-company notice by whether it names a successor', () => {
    const auto = { headers: { 'auto-submitted': 'auto-generated' } };
    expect(classify('Jane Doe is no longer with Acme. This mailbox is not monitored.', auto).kind).toBe(
      'neutral',
    );
    expect(
      classify('Jane Doe has left Acme. Please contact John Roe at john.roe@acme.example.', auto).kind,
    ).toBe('referral');
  });

  it('puts timing before a no, a no before a concern, and a concern before interest', () => {
    expect(classify('Not for us this year, but keep the conversation open for next.').kind).toBe('not-now');
    expect(classify("Thanks, but we'll pass. We're happy with how our reporting works today.").kind).toBe(
      'not-interested',
    );
    expect(
      classify('Interesting, but we just signed a two-year agreement with Vantage BI. So this is a no.').kind,
    ).toBe('not-interested');
    expect(classify('Looks interesting, but honestly the price is too high for us.').kind).toBe('objection');
    expect(
      classify(
        "I'm interested but we're mid-migration, so it must sit on top of D365. If so, let's find a time.",
      ).kind,
    ).toBe('positive');
  });

  it('reads a budget with no time as a concern and one with a time as not-now', () => {
    expect(classify('No budget at the moment, sorry.').kind).toBe('objection');
    expect(classify('Budget is frozen until July. Reach out then.')).toMatchObject({
      kind: 'not-now',
      until: '2026-07-01',
    });
  });

  it('tells a bare question from one with interest', () => {
    expect(classify('How much is it for 10 users?').kind).toBe('neutral');
    expect(classify('Interested. What does pricing look like for 25 users?').kind).toBe('positive');
  });

  it('dates a not-now only when a time is named', () => {
    expect(classify('Not a good time. Try me again after the summer.').until).toBe('2026-09-01');
    expect(classify('Can you circle back next quarter?').until).toBe('2026-04-01');
    expect(classify('Maybe next year.').until).toBeUndefined();
  });

  it('reads dates in the sender’s zone', () => {
    const lateInLosAngeles = Date.parse('2026-03-31T05:30:00Z'); // 30 March, 22:30
    const result = classify('Out of office, back tomorrow.', {
      receivedAt: lateInLosAngeles,
      zone: 'America/Los_Angeles',
    });
    expect(result.until).toBe('2026-03-31');
  });

  it('names the language the decision was read in', () => {
    expect(classify('Kein Interesse, danke.').language).toBe('de');
    expect(classify('Non merci, ça ne nous intéresse pas.').language).toBe('fr');
    expect(classify('No nos interesa, gracias.').language).toBe('es');
    expect(classify('Geen interesse, dank u.').language).toBe('nl');
    expect(classify('Não temos interesse, obrigado.').language).toBe('pt');
  });

  it('reads a pathological body (no spaces, no quote) without blowing up', () => {
    const body = `${'a'.repeat(20_000)} ${'1.'.repeat(5000)} ${'Mo. '.repeat(3000)}`;
    const started = performance.now();
    expect(classify(body).kind).toBe('neutral');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('answers neutral, with low confidence, when nothing speaks', () => {
    expect(classify('Hm.')).toMatchObject({ kind: 'neutral', confidence: 0.3, phrases: [] });
    expect(classify('')).toMatchObject({ kind: 'neutral', ownText: '' });
  });
});
