// Invented German and French replies of every kind, written apart from the corpus.
// Received on Tuesday 10 March 2026 unless told.

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
  ['de', 'positive', 'Klingt spannend, lassen Sie uns nächste Woche telefonieren.'],
  ['de', 'positive', 'Gerne, schicken Sie mir einen Terminvorschlag.'],
  ['de', 'positive', 'Ja, Interesse besteht. Passt Ihnen Donnerstag um 14 Uhr?'],
  ['de', 'neutral', 'Was kostet das für 10 Nutzer?'],
  ['de', 'neutral', 'Wer sind Sie und woher haben Sie meine Adresse?'],
  ['de', 'neutral', 'Danke, ich leite das intern weiter.'],
  ['de', 'objection', 'Das ist uns zu teuer.'],
  ['de', 'objection', 'Wir nutzen bereits Power BI und sind damit zufrieden.'],
  ['de', 'objection', 'Unsere IT lässt keine Cloud-Tools zu.'],
  ['de', 'objection', 'Wir haben derzeit kein Budget dafür.'],
  ['de', 'not-now', 'Aktuell passt es nicht, melden Sie sich bitte im September wieder.', '2026-09-01'],
  ['de', 'not-now', 'Bitte kommen Sie im nächsten Quartal nochmal auf mich zu.', '2026-04-01'],
  ['de', 'not-now', 'Im Moment nicht, vielleicht in drei Monaten.', '2026-06-10'],
  ['de', 'not-interested', 'Kein Interesse, danke.'],
  ['de', 'not-interested', 'Wir haben uns für einen anderen Anbieter entschieden.'],
  ['de', 'not-interested', 'Das ist nichts für uns.'],
  ['de', 'referral', 'Dafür ist mein Kollege Jan Weber zuständig: jan.weber@acme.example'],
  ['de', 'unsubscribe', 'Bitte nehmen Sie mich aus Ihrem Verteiler.'],
  ['de', 'unsubscribe', 'Bitte keine weiteren E-Mails.'],
  ['de', 'unsubscribe', 'Abmelden'],
  ['de', 'out-of-office', 'Ich bin bis einschließlich 13.03. nicht im Büro.', '2026-03-14'],
  ['fr', 'positive', 'Avec plaisir, pouvons-nous prévoir un échange jeudi ?'],
  ['fr', 'positive', "Oui, ça m'intéresse. Envoyez-moi vos disponibilités."],
  ['fr', 'positive', 'Je suis partant pour une démo la semaine prochaine.'],
  ['fr', 'neutral', 'Combien ça coûte ?'],
  ['fr', 'neutral', "C'est pour quoi exactement ?"],
  ['fr', 'neutral', 'Bien reçu, merci.'],
  ['fr', 'objection', "C'est trop cher pour nous."],
  ['fr', 'objection', 'Nous utilisons déjà Power BI.'],
  ['fr', 'objection', "Nous n'avons pas de budget pour le moment."],
  ['fr', 'not-now', 'Pas pour le moment, recontactez-moi en septembre.', '2026-09-01'],
  ['fr', 'not-now', "Ce n'est pas le bon moment, revenez vers moi au prochain trimestre.", '2026-04-01'],
  ['fr', 'not-interested', 'Non merci, ça ne nous intéresse pas.'],
  ['fr', 'not-interested', 'Nous avons choisi une autre solution.'],
  ['fr', 'referral', 'Je ne suis pas la bonne personne, contactez Marie Dupont (marie.dupont@acme.example).'],
  ['fr', 'unsubscribe', 'Merci de me retirer de votre liste de diffusion.'],
  ['fr', 'unsubscribe', "Désabonnez-moi s'il vous plaît."],
  ['fr', 'out-of-office', "Je suis absente du bureau jusqu'au 16 mars.", '2026-03-16'],
  [
    'de',
    'out-of-office',
    'Vielen Dank für Ihre Nachricht. Ich bin vom 9. bis 20. März 2026 im Urlaub. Ihre E-Mail wird nicht weitergeleitet.',
    '2026-03-21',
    { subject: 'Automatische Antwort: x', headers: { 'auto-submitted': 'auto-replied' } },
  ],
  [
    'de',
    'out-of-office',
    'Ich bin bis zum 16.03. nicht im Haus. Ab dem 17.03.2026 bin ich wieder für Sie da.',
    '2026-03-17',
    { subject: 'Abwesenheitsnotiz' },
  ],
  [
    'de',
    'out-of-office',
    'Ich befinde mich bis einschließlich Freitag, den 13. März, auf Dienstreise.',
    '2026-03-14',
    { subject: 'Automatische Antwort', headers: { 'auto-submitted': 'auto-replied' } },
  ],
  [
    'de',
    'out-of-office',
    'Bin diese Woche auf der Messe, melde mich nächste Woche.',
    '2026-03-16',
    { subject: 'Re: x' },
  ],
  [
    'fr',
    'out-of-office',
    'Bonjour, je suis actuellement en congés et serai de retour le 23 mars. Pour toute urgence, merci de contacter mon collègue.',
    '2026-03-23',
    { subject: 'Réponse automatique : x', headers: { 'auto-submitted': 'auto-replied' } },
  ],
  [
    'fr',
    'out-of-office',
    'Je serai absent du 9 au 20 mars inclus.',
    '2026-03-21',
    { subject: 'Absence du bureau' },
  ],
  [
    'fr',
    'out-of-office',
    "Je suis en déplacement jusqu'au vendredi 13 mars. Je traiterai votre message à mon retour.",
    '2026-03-13',
    { subject: 'Réponse automatique', headers: { 'auto-submitted': 'auto-replied' } },
  ],
  [
    'de',
    'not-now',
    'Derzeit haben wir andere Prioritäten. Bitte melden Sie sich nach dem Sommer noch einmal.',
    '2026-09-01',
  ],
  ['fr', 'not-now', "Le timing n'est pas bon, revenez vers moi à la rentrée.", '2026-09-01'],
  ['de', 'unsubscribe', 'Bitte streichen Sie meine Adresse aus Ihrer Datenbank.'],
  ['fr', 'unsubscribe', 'Veuillez supprimer mon adresse de votre fichier.'],
  ['de', 'objection', 'Wir arbeiten seit Jahren mit DATEV und sehen keinen Grund zu wechseln.'],
  ['fr', 'objection', 'Nous travaillons déjà avec un prestataire et nous en sommes satisfaits.'],
  ['de', 'positive', 'Ja, gerne. Schicken Sie mir eine Einladung für Dienstag.'],
  ['fr', 'positive', 'Oui, avec plaisir. Mardi 10h vous convient ?'],
  ['fr', 'not-interested', 'Merci, mais ce ne sera pas pour nous.'],
  ['de', 'not-interested', 'Danke, aber wir sind nicht interessiert.'],
  ['de', 'referral', 'Bitte wenden Sie sich an Frau Petra Lang (p.lang@acme.example).'],
  ['fr', 'referral', 'Voyez plutôt avec Luc Martin, notre DAF : luc.martin@acme.example'],
  ['de', 'neutral', 'Worum geht es genau?'],
  ['fr', 'neutral', 'Qui êtes-vous ?'],
  [
    'de',
    'positive',
    'Das klingt interessant. Wann hätten Sie Zeit für ein kurzes Gespräch?',
    undefined,
    { zone: 'Europe/Paris' },
  ],
  [
    'de',
    'positive',
    'Gern können wir uns austauschen. Ich hätte Mittwoch ab 10 Uhr Zeit.',
    undefined,
    { zone: 'Europe/Paris' },
  ],
  ['de', 'positive', 'Senden Sie mir gerne einen Link für eine Demo.', undefined, { zone: 'Europe/Paris' }],
  ['de', 'neutral', 'Um was für ein Produkt handelt es sich?', undefined, { zone: 'Europe/Paris' }],
  ['de', 'neutral', 'Danke, habe ich erhalten.', undefined, { zone: 'Europe/Paris' }],
  [
    'de',
    'objection',
    'Wir sind mit unserer aktuellen Lösung sehr zufrieden.',
    undefined,
    { zone: 'Europe/Paris' },
  ],
  [
    'de',
    'objection',
    'Für ein Unternehmen unserer Größe ist das zu viel.',
    undefined,
    { zone: 'Europe/Paris' },
  ],
  [
    'de',
    'not-now',
    'Gerade haben wir keine Kapazitäten. Fragen Sie bitte im Juni noch einmal nach.',
    '2026-06-01',
    { zone: 'Europe/Paris' },
  ],
  ['de', 'not-interested', 'Nein danke, wir benötigen so etwas nicht.', undefined, { zone: 'Europe/Paris' }],
  [
    'de',
    'referral',
    'Ich bin dafür nicht zuständig. Sprechen Sie bitte mit Herrn Klaus Vogt, k.vogt@acme.example.',
    undefined,
    { zone: 'Europe/Paris' },
  ],
  [
    'de',
    'unsubscribe',
    'Ich möchte keine weiteren E-Mails von Ihnen erhalten.',
    undefined,
    { zone: 'Europe/Paris' },
  ],
  ['fr', 'positive', 'Volontiers, je suis disponible jeudi après-midi.', undefined, { zone: 'Europe/Paris' }],
  [
    'fr',
    'positive',
    'Pouvez-vous me proposer un créneau la semaine prochaine ?',
    undefined,
    { zone: 'Europe/Paris' },
  ],
  ['fr', 'neutral', "Pouvez-vous m'en dire plus sur votre solution ?", undefined, { zone: 'Europe/Paris' }],
  [
    'fr',
    'objection',
    'Le prix me paraît élevé pour une structure comme la nôtre.',
    undefined,
    { zone: 'Europe/Paris' },
  ],
  [
    'fr',
    'not-now',
    'Nous sommes en pleine clôture. Recontactez-moi dans deux mois.',
    '2026-05-10',
    { zone: 'Europe/Paris' },
  ],
  ['fr', 'not-interested', 'Nous ne sommes pas intéressés, merci.', undefined, { zone: 'Europe/Paris' }],
  [
    'fr',
    'referral',
    "C'est ma collègue Sophie Bernard qui gère ce sujet : sophie.bernard@acme.example",
    undefined,
    { zone: 'Europe/Paris' },
  ],
  ['fr', 'unsubscribe', "Merci de ne plus m'écrire.", undefined, { zone: 'Europe/Paris' }],
  ['de', 'out-of-office', 'Ich bin ab dem 23.03. wieder im Büro.', '2026-03-23'],
  ['de', 'out-of-office', 'Bin am 16.03. zurück.', '2026-03-16'],
  ['de', 'out-of-office', 'Ich befinde mich im Urlaub. Ab Montag bin ich wieder erreichbar.', '2026-03-16'],
  ['de', 'out-of-office', 'Ich bin in Elternzeit und ab dem 1. Juni wieder da.', '2026-06-01'],
  ['fr', 'out-of-office', "Je suis absent jusqu'à lundi.", '2026-03-16'],
  ['fr', 'out-of-office', 'En congé, de retour lundi 16 mars.', '2026-03-16'],
  ['fr', 'out-of-office', "Je suis en arrêt maladie jusqu'au 20 mars.", '2026-03-20'],
];

describe('classifyReply in German and French', () => {
  it.each(CASES)('%s %s: %s', (_language, kind, text, until, extra) => check(kind, text, until, extra));
});
