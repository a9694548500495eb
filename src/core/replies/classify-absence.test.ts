// Invented automatic absence notices in every language, with the return-day rules at work in the
// ways notices are written: two dates, bilingual notices, a closure aside, a zone ahead of UTC.
// Received on Tuesday 10 March 2026 (Europe/Berlin) unless told.

import { describe, expect, it } from 'vitest';
import { classifyReply } from './classify.js';

interface Extra {
  zone?: string;
  at?: string;
}

const CASES: [string, string, string | null, Extra?][] = [
  ['Automatic reply', 'I am out of the office from Monday 9 March, returning Monday 23 March.', '2026-03-23'],
  [
    'Abwesenheitsnotiz',
    'Ich bin bis 20.03. nicht im Büro.\n\nI am out of the office until 20/03.',
    '2026-03-20',
  ],
  ['Automatic reply', 'Back on 3/23. Thanks!', '2026-03-23', { zone: 'America/Chicago' }],
  ['Automatisch antwoord', 'Ik ben afwezig van maandag 9 maart tot en met vrijdag 20 maart.', '2026-03-21'],
  [
    'Respuesta automática',
    'Estaré fuera del 9 al 20 de marzo. A partir del 23 estaré de vuelta.',
    '2026-03-23',
  ],
  ['Réponse automatique', 'Je suis absente du lundi 9 au vendredi 20 mars inclus.', '2026-03-21'],
  ['Resposta automática', 'Estou de férias entre os dias 9 e 20 de março.', '2026-03-21'],
  ['Automatic reply', "I'm out until Tuesday (24th).", '2026-03-24'],
  ['Automatic reply', "I'll be away 9th-20th March with limited email.", '2026-03-21'],
  ['Automatic reply', 'I am on leave, returning 23.03.', '2026-03-23', { zone: 'Europe/Dublin' }],
  ['Automatic reply', 'Out of office until the end of next week.', '2026-03-23'],
  ['Automatic reply', 'I am away and back after Easter.', null],
  [
    'Automatic reply',
    'I am out of the office until Monday 16 March. Please note our offices will also be closed on 3 April for Good Friday.',
    '2026-03-16',
  ],
  [
    'Automatic reply',
    'I am out of the office until Monday 16 March.',
    '2026-03-16',
    { zone: 'Asia/Singapore', at: '2026-03-09T23:30:00Z' },
  ],
  ['Automatic reply', 'Out of office through Monday.', '2026-03-17'],
  [
    'Automatic reply',
    'I am travelling on business from 9-13 March and will have intermittent email access. I will reply on my return on 16 March.',
    '2026-03-16',
  ],
  ['Automatic reply', 'I will be out of the office starting March 11 and returning March 16.', '2026-03-16'],
  [
    'Automatische Antwort',
    'Vom 09.03. bis einschließlich 13.03.2026 bin ich nicht erreichbar.',
    '2026-03-14',
  ],
  [
    'Automatische Antwort',
    'Ich bin vom 9. März bis 20. März im Urlaub und ab dem 23. März wieder im Büro.',
    '2026-03-23',
  ],
  [
    'Réponse automatique',
    "Je suis en congés jusqu'au 20 mars. Je reprendrai mes mails le 23 mars.",
    '2026-03-23',
  ],
  ['Automatisch antwoord', 'Tot 16 maart ben ik niet bereikbaar.', '2026-03-16'],
  [
    'Resposta automática',
    'Estarei ausente de 9 a 13 de março. Retorno dia 16.',
    '2026-03-16',
    { zone: 'America/Sao_Paulo' },
  ],
  ['Risposta automatica', 'Sono assente dal 9 al 13 marzo. Rientro il 16 marzo.', '2026-03-16'],
  ['Autosvar', 'Jag är ledig 9–13 mars och tillbaka måndag 16 mars.', '2026-03-16'],
  [
    'Automatic reply',
    'Thanks for your email. I am currently out of the office with limited access to email until Wednesday, March 18, 2026. I will respond as soon as possible upon my return.',
    '2026-03-18',
    { zone: 'America/New_York' },
  ],
  ['Automatic reply', 'I am on vacation the week of March 16 and will return March 23.', '2026-03-23'],
];

describe('classifyReply on absence notices', () => {
  it.each(CASES)('%s: %s', (subject, text, until, extra = {}) => {
    const result = classifyReply({
      subject: `${subject}: Your monthly reporting`,
      text,
      headers: { 'auto-submitted': 'auto-replied' },
      receivedAt: Date.parse(extra.at ?? '2026-03-10T10:00:00Z'),
      zone: extra.zone ?? 'Europe/Berlin',
    });
    expect(result).toMatchObject({ kind: 'out-of-office', automatic: true });
    expect(result.until ?? null).toBe(until);
  });
});
