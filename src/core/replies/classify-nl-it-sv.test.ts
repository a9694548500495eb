// Invented Dutch replies of every kind, and Italian and Swedish absence notices, written apart from
// the corpus. Received on Tuesday 10 March 2026 unless told.

import { describe, expect, it } from 'vitest';
import { classifyReply } from './classify.js';
import type { ReplyKind } from './classify.js';

const QUOTE =
  '\n\nOn Mon, Mar 9, 2026 at 9:00 AM Dana Whitfield <dana@northwind.example> wrote:\n' +
  "> Would a 15-minute call on Thursday work? If now is not the right time, I'll follow up next quarter.\n" +
  "> If you're not interested, just reply no.\n> Unsubscribe: https://northwind.example/u";

interface Extra {
  subject?: string;
  headers?: Record<string, string>;
  zone?: string;
  at?: string;
  /** Put the rep's email, full of other kinds' words, under the reply. */
  quoted?: boolean;
}

function check(kind: ReplyKind, text: string, until?: string | null, extra: Extra = {}): void {
  const result = classifyReply({
    subject: extra.subject ?? 'Re: Your monthly reporting',
    text: extra.quoted === true ? `${text}${QUOTE}` : text,
    headers: extra.headers ?? {},
    receivedAt: Date.parse(extra.at ?? '2026-03-10T10:00:00Z'),
    zone: extra.zone ?? 'Europe/Berlin',
  });
  expect(result.kind, text).toBe(kind);
  if (until !== undefined) expect(result.until ?? null, text).toBe(until);
}

const CASES: [string, ReplyKind, string, (string | null)?, Extra?][] = [
  ['nl', 'positive', 'Klinkt goed, zullen we donderdag bellen?'],
  ['nl', 'positive', 'Ja, plan maar een afspraak in volgende week.'],
  ['nl', 'positive', 'Leuk, ik hoor graag meer.'],
  ['nl', 'neutral', 'Wat kost het?'],
  ['nl', 'neutral', 'Wie bent u?'],
  ['nl', 'neutral', 'Ontvangen, bedankt.'],
  ['nl', 'objection', 'Het is te duur voor ons.'],
  ['nl', 'objection', 'We gebruiken al Power BI.'],
  ['nl', 'objection', 'Op dit moment hebben we geen budget.'],
  ['nl', 'not-now', 'Nu even niet, neem in september opnieuw contact op.', '2026-09-01'],
  ['nl', 'not-now', 'Het komt nu niet goed uit. Volgend kwartaal misschien.', '2026-04-01'],
  ['nl', 'not-interested', 'Geen interesse, dank u.'],
  ['nl', 'not-interested', 'We hebben voor een andere leverancier gekozen.'],
  [
    'nl',
    'referral',
    'Ik ben niet de juiste persoon, neem contact op met Pieter Bakker (p.bakker@acme.example).',
  ],
  ['nl', 'unsubscribe', 'Graag afmelden.'],
  ['nl', 'unsubscribe', 'Haal mij van uw mailinglijst.'],
  ['nl', 'out-of-office', 'Ik ben tot en met 13 maart afwezig.', '2026-03-14'],
  [
    'nl',
    'out-of-office',
    'Bedankt voor uw bericht. Ik ben afwezig tot en met vrijdag 13 maart. Vanaf maandag 16 maart ben ik weer bereikbaar.',
    '2026-03-16',
    { subject: 'Automatisch antwoord: x', headers: { 'auto-submitted': 'auto-replied' } },
  ],
  [
    'nl',
    'out-of-office',
    'Ik ben met vakantie van 9 t/m 20 maart en lees mijn e-mail niet.',
    '2026-03-21',
    { subject: 'Afwezig' },
  ],
  [
    'nl',
    'out-of-office',
    'Ik ben tot 23 maart met verlof.',
    '2026-03-23',
    { subject: 'Automatisch antwoord', headers: { 'auto-submitted': 'auto-replied' } },
  ],
  [
    'it',
    'out-of-office',
    'Sono fuori ufficio fino a lunedì 16 marzo con accesso limitato alla posta.',
    '2026-03-16',
    { subject: 'Risposta automatica: x', headers: { 'auto-submitted': 'auto-replied' } },
  ],
  [
    'it',
    'out-of-office',
    'Sarò in ferie dal 9 al 20 marzo compreso. Rientrerò in ufficio il 23 marzo.',
    '2026-03-23',
    { subject: 'Risposta automatica', headers: { 'auto-submitted': 'auto-replied' } },
  ],
  [
    'sv',
    'out-of-office',
    'Hej! Jag är på semester till och med 20 mars och har begränsad tillgång till e-post.',
    '2026-03-21',
    { subject: 'Autosvar: x', headers: { 'auto-submitted': 'auto-replied' } },
  ],
  [
    'sv',
    'out-of-office',
    'Jag är tillbaka måndag 16 mars.',
    '2026-03-16',
    { subject: 'Autosvar', headers: { 'auto-submitted': 'auto-replied' } },
  ],
  ['nl', 'not-now', 'Nu even geen tijd, na de zomervakantie graag.', '2026-09-01'],
  ['nl', 'unsubscribe', 'Wilt u mij uitschrijven?'],
  ['nl', 'objection', 'Onze IT-afdeling laat geen nieuwe SaaS-tools toe.'],
  ['nl', 'positive', 'Graag, dinsdag om 10 uur schikt mij.'],
  ['nl', 'not-interested', 'Dank je, maar dit is niets voor ons.'],
  ['nl', 'referral', 'Mijn collega Eva de Groot gaat hierover: eva.degroot@acme.example'],
  [
    'nl',
    'positive',
    'Dat klinkt interessant. Wanneer kunnen we even bellen?',
    undefined,
    { zone: 'Europe/Paris' },
  ],
  ['nl', 'positive', 'Stuur maar een uitnodiging voor donderdag.', undefined, { zone: 'Europe/Paris' }],
  ['nl', 'neutral', 'Waar gaat dit over?', undefined, { zone: 'Europe/Paris' }],
  ['nl', 'objection', 'We zijn tevreden met ons huidige pakket.', undefined, { zone: 'Europe/Paris' }],
  [
    'nl',
    'not-now',
    'Op dit moment hebben we er geen tijd voor. Probeer het na de zomer nog eens.',
    '2026-09-01',
    { zone: 'Europe/Paris' },
  ],
  ['nl', 'not-interested', 'Wij hebben hier geen behoefte aan.', undefined, { zone: 'Europe/Paris' }],
  [
    'nl',
    'referral',
    'Mijn collega Jeroen Visser gaat hierover, jeroen.visser@acme.example.',
    undefined,
    { zone: 'Europe/Paris' },
  ],
  [
    'nl',
    'unsubscribe',
    'Verwijder mijn e-mailadres alstublieft uit uw bestand.',
    undefined,
    { zone: 'Europe/Paris' },
  ],
  ['nl', 'out-of-office', 'Ik ben weer terug op 16 maart.', '2026-03-16'],
  ['nl', 'out-of-office', 'Ik ben er vanaf maandag weer.', '2026-03-16'],
  ['nl', 'out-of-office', 'Momenteel ben ik met verlof tot en met vrijdag 20 maart.', '2026-03-21'],
  ['it', 'out-of-office', 'Sono in ferie, rientro previsto per lunedì 16 marzo.', '2026-03-16'],
  ['it', 'out-of-office', 'Sarò assente fino al 20 marzo.', '2026-03-20'],
  ['sv', 'out-of-office', 'Jag är åter på kontoret 16 mars.', '2026-03-16'],
  ['sv', 'out-of-office', 'Jag är ledig till och med fredag 13 mars.', '2026-03-14'],
];

describe('classifyReply in Dutch, Italian and Swedish', () => {
  it.each(CASES)('%s %s: %s', (_language, kind, text, until, extra) => check(kind, text, until, extra));
});
