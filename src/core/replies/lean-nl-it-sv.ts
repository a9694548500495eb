// Dutch, Italian and Swedish words that lean towards a kind when no cue decides (see lean.ts for the
// row format and lean-en.ts for how they were chosen). Italian and Swedish replies in the corpus are
// absence notices, so their vocabularies are mostly words of absence.

import type { LeanRow } from './lean.js';

export const LEAN_NL: readonly LeanRow[] = [
  [
    'objection',
    2,
    'duur dure prijzig bevroren veiligheid security avg verwerkersovereenkomst servers hosting ' +
      'contract* hoofdkantoor moederbedrijf sceptisch twijfel* zorgen accountant* te_groot',
  ],
  [
    'objection',
    1,
    'budget* kosten prijs* geprobeerd boekhoud* klein goedkeur* inkoop vast excel werkt_prima werkt_goed',
  ],
  [
    'out-of-office',
    2,
    'vakantie verlof ziek buitenland beurs congres reis afwezig gesloten feestdag* roulatie ' + 'wintersport',
  ],
  ['out-of-office', 1, 'terug kantoor opleiding cursus operatie vrij'],
  ['unsubscribe', 2, 'afmeld* uitschrijv* verwijder* toestemming spam', 'drop'],
  ['unsubscribe', 1, 'lijst gegevens mails'],
  ['not-now', 2, 'later rustiger reorganisatie'],
  ['not-now', 1, 'moment kwartaal jaarafsluiting druk zomer'],
  ['not-interested', 2, 'gekozen ander_pakket andere_leverancier'],
  ['positive', 2, 'demo afspraak uitnodiging proefperiode interesse ja schikt'],
  ['positive', 1, 'plannen offerte bellen prima graag'],
];

export const LEAN_IT: readonly LeanRow[] = [
  [
    'out-of-office',
    2,
    'ferie vacanz* viaggio trasferta fiera malattia influenza congedo assente chiuso festività',
  ],
  ['out-of-office', 1, 'fuori rientr* formazione torno'],
  ['unsubscribe', 2, 'cancellami disiscri* rimuov*', 'drop'],
  ['objection', 2, 'caro costoso'],
  ['positive', 2, 'interess*'],
];

export const LEAN_SV: readonly LeanRow[] = [
  [
    'out-of-office',
    2,
    'semester ledig tjänstledig föräldraledig resa tjänsteresa sjuk* konferens mässa stängt borta',
  ],
  ['out-of-office', 1, 'tillbaka utbildning kontoret'],
  ['unsubscribe', 2, 'avregistrera avsluta', 'drop'],
  ['objection', 2, 'dyrt'],
  ['positive', 2, 'intresserad'],
];
