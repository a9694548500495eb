// German and French words that lean towards a kind when no cue decides (see lean.ts for the row
// format and lean-en.ts for how they were chosen).

import type { LeanRow } from './lean.js';

export const LEAN_DE: readonly LeanRow[] = [
  [
    'objection',
    2,
    'teuer teurer kostspielig eingefroren einfrieren ausgabenstopp budgetstopp gedeckelt leisten ' +
      'rechtfertig* datenschutz* dsgvo av-vertrag auftragsverarbeitung sicherheit* it-sicherheit ' +
      'sicherheitsprüfung richtlinie* compliance server* gehostet hosting rechenzentr* on-premise ' +
      'vertrag* vertraglich gebunden konzern* muttergesellschaft zentrale holding vorgabe* vorgegeben ' +
      'skepsis skeptisch bedenken zweifel* sorge* gescheitert steuerberater* wirtschaftsprüfer* ' +
      'aufwand* aufwendig überdimensioniert nummer_zu betriebsrat* einkauf ausschreibung*',
  ],
  [
    'objection',
    1,
    'preis* kosten budget* versucht ausprobiert buchhalt* klein einfluss freigabe* genehmig* ' +
      'umstellung einführung schulungsaufwand excel wechseln bereits schon funktioniert_gut läuft_gut',
  ],
  [
    'out-of-office',
    2,
    'urlaub* ferien* krank* dienstreise* geschäftsreise* reise* messe* konferenz* tagung* schulung* ' +
      'fortbildung* seminar* elternzeit mutterschutz abwesen* unterwegs ausland* offline ' +
      'nicht_erreichbar nicht_im geschlossen feiertag* brückentag* sporadisch eingeschränkt außer_haus',
  ],
  ['out-of-office', 1, 'zurück wieder büro erreichbar'],
  [
    'unsubscribe',
    2,
    'abmeld* abbestell* austrag* verteiler* lösch* entfern* werbung zugestimmt einwilligung ' +
      'anzuschreiben anschreiben',
    'drop',
  ],
  ['unsubscribe', 1, 'daten adresse e-mails mails liste'],
  [
    'not-now',
    2,
    'später zeitpunkt nächstes_jahr verschieb* zurückgestellt sommerpause jahresabschluss* ' +
      'umstellung_läuft',
  ],
  ['not-now', 1, 'derzeit momentan aktuell quartal gerade stress'],
  [
    'not-interested',
    2,
    'entschieden anderen_anbieter andere_lösung wettbewerber* nicht_weiter* kein_bedarf verzicht*',
  ],
  ['positive', 2, 'termin* demo* vorführung* einladung* interesse* ja testzugang testphase machen_wir'],
  ['positive', 1, 'telefon* gespräch* angebot gerne gern passt uhr zeit'],
];

export const LEAN_FR: readonly LeanRow[] = [
  [
    'objection',
    2,
    'cher chère chers chères onéreu* hors_budget gelé gelés gel sécurité rgpd hébergé* hébergement ' +
      'serveur* dsi conformité juridique contrat* engagés engagé pluriannuel* siège maison_mère ' +
      'sceptique* doute* inquiet* crains crainte* échec* expert-comptable surdimensionné* lourd* ' +
      "achats appel_d'offres la_main",
  ],
  [
    'objection',
    1,
    'coût* prix tarif* budget* essayé adopté comptable* cabinet petite petit validation groupe excel déjà ' +
      'fonctionne_bien marche_bien',
  ],
  [
    'out-of-office',
    2,
    'vacances congé* déplacement* voyage* salon séminaire maladie malade absent* férié* ski ' +
      'indisponible fermé* fermés pas_accès',
  ],
  ['out-of-office', 1, 'retour reviens reviendrai bureau formation accès arrêt'],
  ['unsubscribe', 2, 'désinscri* désabonn* supprim* retir* radier spam', 'drop'],
  ['unsubscribe', 1, 'liste fichier* coordonnées données adresse mails courriels'],
  ['not-now', 2, "tard rentrée l'année_prochaine reparle* sous_l'eau calme* figé reporter"],
  ['not-now', 1, 'moment trimestre clôture actuellement'],
  ['not-interested', 2, 'retenu choisi concurrent* utilité autre_solution décliner'],
  ['positive', 2, 'démo* rendez-vous créneau* invitation volontiers intéress* oui'],
  ['positive', 1, 'disponible* appel échange* proposition devis libre discuter essai'],
];
