// A second set of invented replies in German, French, Spanish, Dutch and Portuguese, written apart
// from the corpus after the first, to check that the cues generalise. Received 10 March 2026.

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
  [
    'de',
    'positive',
    'Hört sich gut an. Nächste Woche Dienstag um 10 Uhr?',
    undefined,
    { zone: 'Europe/Madrid' },
  ],
  [
    'de',
    'positive',
    'Gerne! Wie sieht es bei Ihnen am Donnerstag aus?',
    undefined,
    { zone: 'Europe/Madrid' },
  ],
  [
    'de',
    'neutral',
    'Können Sie mir sagen, wie Sie auf mich gekommen sind?',
    undefined,
    { zone: 'Europe/Madrid' },
  ],
  ['de', 'neutral', 'Ich gebe das an unser Controlling weiter.', undefined, { zone: 'Europe/Madrid' }],
  ['de', 'objection', 'Ehrlich gesagt haben wir schon ein Tool dafür.', undefined, { zone: 'Europe/Madrid' }],
  [
    'de',
    'objection',
    'Der Aufwand für die Einführung ist uns zu hoch.',
    undefined,
    { zone: 'Europe/Madrid' },
  ],
  ['de', 'not-now', 'Das Thema ist erst nächstes Jahr wieder relevant.', null, { zone: 'Europe/Madrid' }],
  [
    'de',
    'not-now',
    'Bitte schreiben Sie mir in zwei Monaten noch einmal.',
    '2026-05-10',
    { zone: 'Europe/Madrid' },
  ],
  ['de', 'not-interested', 'Danke, aber das passt nicht zu uns.', undefined, { zone: 'Europe/Madrid' }],
  [
    'de',
    'not-interested',
    'Wir haben bereits einen Vertrag mit einem Wettbewerber unterschrieben.',
    undefined,
    { zone: 'Europe/Madrid' },
  ],
  ['de', 'unsubscribe', 'Bitte löschen Sie meine Daten.', undefined, { zone: 'Europe/Madrid' }],
  ['de', 'unsubscribe', 'Schreiben Sie mir bitte nicht mehr.', undefined, { zone: 'Europe/Madrid' }],
  ['fr', 'positive', "Bonne idée, on peut s'appeler demain ?", undefined, { zone: 'Europe/Madrid' }],
  [
    'fr',
    'positive',
    'Je veux bien en savoir plus, proposez-moi une date.',
    undefined,
    { zone: 'Europe/Madrid' },
  ],
  ['fr', 'neutral', 'Je transmets à la bonne personne en interne.', undefined, { zone: 'Europe/Madrid' }],
  ['fr', 'neutral', 'Comment avez-vous eu mon adresse ?', undefined, { zone: 'Europe/Madrid' }],
  [
    'fr',
    'objection',
    'Nous avons déjà un outil en place qui fait le travail.',
    undefined,
    { zone: 'Europe/Madrid' },
  ],
  [
    'fr',
    'objection',
    'Je ne suis pas convaincu que ce soit adapté à une PME comme la nôtre.',
    undefined,
    { zone: 'Europe/Madrid' },
  ],
  ['fr', 'not-now', "Reparlons-en l'année prochaine.", null, { zone: 'Europe/Madrid' }],
  ['fr', 'not-now', 'Pas maintenant, plutôt en juin.', '2026-06-01', { zone: 'Europe/Madrid' }],
  [
    'fr',
    'not-interested',
    "Ce n'est pas une priorité pour nous et ne le sera pas.",
    undefined,
    { zone: 'Europe/Madrid' },
  ],
  ['fr', 'not-interested', 'Nous ne donnerons pas suite, merci.', undefined, { zone: 'Europe/Madrid' }],
  ['fr', 'unsubscribe', 'Je vous prie de ne plus me contacter.', undefined, { zone: 'Europe/Madrid' }],
  ['es', 'positive', '¡Claro! ¿Qué tal el jueves a las 10?', undefined, { zone: 'Europe/Madrid' }],
  ['es', 'positive', 'Sí, me gustaría ver una demo.', undefined, { zone: 'Europe/Madrid' }],
  ['es', 'neutral', '¿Me puede enviar más información por correo?', undefined, { zone: 'Europe/Madrid' }],
  [
    'es',
    'objection',
    'El coste es demasiado alto para nuestra empresa.',
    undefined,
    { zone: 'Europe/Madrid' },
  ],
  ['es', 'objection', 'Ya contamos con una solución interna.', undefined, { zone: 'Europe/Madrid' }],
  ['es', 'not-now', 'Ahora estamos muy liados, hablemos en junio.', '2026-06-01', { zone: 'Europe/Madrid' }],
  [
    'es',
    'not-interested',
    'No, gracias. No estamos buscando nada parecido.',
    undefined,
    { zone: 'Europe/Madrid' },
  ],
  ['es', 'unsubscribe', 'Dejen de escribirme, por favor.', undefined, { zone: 'Europe/Madrid' }],
  ['nl', 'positive', 'Prima, bel me donderdag maar.', undefined, { zone: 'Europe/Madrid' }],
  [
    'nl',
    'positive',
    'Ik ben wel benieuwd, stuur gerust een uitnodiging.',
    undefined,
    { zone: 'Europe/Madrid' },
  ],
  ['nl', 'neutral', 'Kunt u mij wat meer informatie sturen?', undefined, { zone: 'Europe/Madrid' }],
  ['nl', 'objection', 'We hebben al een oplossing die goed werkt.', undefined, { zone: 'Europe/Madrid' }],
  ['nl', 'objection', 'Dat is voor ons te kostbaar.', undefined, { zone: 'Europe/Madrid' }],
  ['nl', 'not-now', 'Nu niet, misschien later dit jaar.', null, { zone: 'Europe/Madrid' }],
  ['nl', 'not-now', 'Neem over twee maanden weer contact op.', '2026-05-10', { zone: 'Europe/Madrid' }],
  [
    'nl',
    'not-interested',
    'Nee, dank u, daar hebben wij geen behoefte aan.',
    undefined,
    { zone: 'Europe/Madrid' },
  ],
  ['nl', 'unsubscribe', 'Ik wil geen e-mails meer ontvangen.', undefined, { zone: 'Europe/Madrid' }],
  ['pt', 'positive', 'Claro, pode ser na quinta às 10h?', undefined, { zone: 'Europe/Madrid' }],
  ['pt', 'positive', 'Gostei, podemos marcar uma conversa?', undefined, { zone: 'Europe/Madrid' }],
  ['pt', 'neutral', 'Pode me mandar mais detalhes?', undefined, { zone: 'Europe/Madrid' }],
  ['pt', 'objection', 'Já temos uma ferramenta interna para isso.', undefined, { zone: 'Europe/Madrid' }],
  ['pt', 'objection', 'O custo é alto demais para nós.', undefined, { zone: 'Europe/Madrid' }],
  ['pt', 'not-now', 'Agora não, talvez no segundo semestre.', null, { zone: 'Europe/Madrid' }],
  ['pt', 'not-now', 'Me procure em agosto.', '2026-08-01', { zone: 'Europe/Madrid' }],
  [
    'pt',
    'not-interested',
    'Não, obrigado. Não faz sentido para a gente.',
    undefined,
    { zone: 'Europe/Madrid' },
  ],
  ['pt', 'unsubscribe', 'Parem de me enviar e-mails.', undefined, { zone: 'Europe/Madrid' }],
  [
    'de',
    'objection',
    'Grundsätzlich spannend, aber unser Konzern gibt die Tools vor. Da haben wir kaum Spielraum.',
    undefined,
    { zone: 'Europe/London' },
  ],
  [
    'fr',
    'objection',
    "C'est intéressant mais notre maison mère impose ses outils, nous n'avons pas la main.",
    undefined,
    { zone: 'Europe/London' },
  ],
  [
    'es',
    'objection',
    'Interesante, pero la matriz decide qué herramientas usamos y no tenemos margen.',
    undefined,
    { zone: 'Europe/London' },
  ],
  [
    'nl',
    'objection',
    'Interessant, maar ons moederbedrijf bepaalt welke software we gebruiken.',
    undefined,
    { zone: 'Europe/London' },
  ],
  [
    'pt',
    'objection',
    'Interessante, mas quem define as ferramentas é a matriz, não temos autonomia.',
    undefined,
    { zone: 'Europe/London' },
  ],
  [
    'de',
    'out-of-office',
    'Hallo, ich bin bis Ende der Woche krank. Ab Montag wieder erreichbar.',
    '2026-03-16',
    { zone: 'Europe/London' },
  ],
  [
    'fr',
    'out-of-office',
    'Bonjour, je suis en vacances cette semaine, je reviens vers vous lundi prochain.',
    '2026-03-16',
    { zone: 'Europe/London' },
  ],
  [
    'es',
    'out-of-office',
    'Hola, estoy de baja hasta el viernes. Te escribo la semana que viene.',
    '2026-03-13',
    { zone: 'Europe/London' },
  ],
  [
    'nl',
    'out-of-office',
    'Hoi, ik ben deze week ziek thuis. Volgende week ben ik er weer.',
    '2026-03-16',
    { zone: 'Europe/London' },
  ],
  [
    'pt',
    'out-of-office',
    'Oi, estou de folga até quarta-feira. Falo contigo na volta.',
    '2026-03-11',
    { zone: 'Europe/London' },
  ],
];

describe('classifyReply on more replies in other languages', () => {
  it.each(CASES)('%s %s: %s', (_language, kind, text, until, extra) => check(kind, text, until, extra));
});
