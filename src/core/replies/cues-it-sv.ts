// Italian and Swedish cue phrases: out-of-office and automatic replies in full, the clearest
// phrases of the other kinds (see cues.ts for the row format and the weights).

import type { Lexicon } from './cues.js';

export const IT: Lexicon = {
  language: 'it',
  negators: 'non|mai|senza|né',
  stopwords:
    'il lo gli e non è per con grazie sono una di del della che ufficio sarò fino al mio mia ma saluti cordiali buongiorno dal nel alla'.split(
      ' ',
    ),
  rows: [
    [
      'out-of-office',
      3,
      "(?:sono|sarò) (?:\\p{L}+ ){0,4}(?:malat[oa]|a casa|in malattia|con l'influenza|in ferie|in vacanza|in viaggio|in trasferta|a una fiera|a un congresso|a una conferenza|a un corso)",
    ],
    ['departure', 3, 'non lavor[oa] più|non fa più parte|ha lasciato (?:l.azienda|la società)'],
    [
      'out-of-office',
      3,
      'rientro (?:previsto|in ufficio|il|lunedì|martedì|mercoledì|giovedì|venerdì|\\d)|rientrerò',
    ],
    [
      'out-of-office',
      3,
      'fuori (?:ufficio|sede)|in ferie|assente|in viaggio|in trasferta|(?:accesso|accessso) limitato (?:alla|alle) (?:posta|e-?mail)|al mio rientro|durante la mia assenza|in (?:congedo|maternità|malattia)|giorno festivo',
    ],
    [
      'out-of-office',
      2,
      'rientrerò|rientro|sarò di nuovo|di ritorno|per (?:urgenze|questioni urgenti)|in caso di urgenza',
    ],
    ['auto', 3, 'risposta automatica|messaggio (?:automatico|generato automaticamente)'],
    [
      'unsubscribe',
      3,
      'cancellami|cancellarmi|(?:rimuovere|rimuovete|togliete|eliminate) (?:il mio indirizzo|i miei dati|me|mi)|non (?:voglio|desidero) (?:più )?ricevere|disiscri(?:vi|vere|zione)',
    ],
    [
      'referral',
      3,
      'non sono la persona giusta|(?:è|sarà) la persona giusta|(?:contatti|contattate|contattare|rivolgersi a|si rivolga a|scriva a)(?! me)|(?:il mio|la mia) collega|ho inoltrato',
    ],
    [
      'not-interested',
      3,
      'non (?:sono|siamo) interessat[oia]|non (?:ci|mi) interessa|no,? grazie|non abbiamo bisogno',
      null,
    ],
    [
      'not-now',
      3,
      "(?:al momento|per ora|per il momento|adesso),? no|non (?:è|sarebbe) il momento|più avanti|(?:l|il prossimo) anno|prossimo trimestre|dopo l'estate|ricontattatemi|ricontattarci",
      null,
    ],
    ['objection', 3, 'troppo caro|fuori budget|(?:usiamo|abbiamo|utilizziamo) già', null],
    [
      'positive',
      3,
      '(?:mi|ci) interessa|(?:sono|siamo) interessat[oia]|sentiamoci|volentieri|fissiamo|(?:mi )?sembra interessante',
      'not-interested',
    ],
    ['neutral', 2, 'maggiori informazioni|più informazioni|quanto costa'],
  ],
};

export const SV: Lexicon = {
  language: 'sv',
  negators: 'inte|ej|aldrig|utan|ingen|inga',
  stopwords:
    'och jag inte är att det för med tack på till som vi mig mitt min kontoret hälsningar tillbaka från den har kommer vänliga hej'.split(
      ' ',
    ),
  rows: [
    [
      'out-of-office',
      3,
      '(?:är|blir) (?:\\p{L}+ ){0,3}(?:på resa|bortrest|sjuk|sjukskriven|ledig|borta|på semester|på konferens|på mässa|på utbildning)',
    ],
    ['departure', 3, 'arbetar inte längre|har slutat'],
    [
      'out-of-office',
      3,
      'åter på kontoret|(?:är )?tillbaka (?:den |på )?(?:\\d+|måndag|tisdag|onsdag|torsdag|fredag|imorgon)',
    ],
    [
      'out-of-office',
      3,
      'inte på kontoret|tjänsteresa|på (?:en )?(?:mässa|konferens|utbildning)|borta från kontoret|(?:på|har) semester|semester|(?:föräldra|tjänst)?ledig|frånvarande|begränsad tillgång till (?:e-?post|mejl|mail)|när jag är tillbaka|vid (?:min )?återkomst|under min frånvaro|helgdag',
    ],
    ['out-of-office', 2, 'tillbaka|åter på kontoret|(?:vid|i) brådskande ärenden|om det är brådskande'],
    ['auto', 3, 'automatiskt svar|autosvar|automatiskt (?:genererat|meddelande)'],
    [
      'unsubscribe',
      3,
      'avregistrera|avsluta (?:min )?prenumeration|ta bort mig|(?:vill|önskar) inte (?:längre )?(?:få|ta emot)',
    ],
    [
      'referral',
      3,
      'inte rätt person|(?:är|blir) rätt person|kontakta(?! mig)|min kollega|har vidarebefordrat',
    ],
    ['not-interested', 3, 'inte intresserad|inget intresse|nej tack|inte aktuellt', null],
    [
      'not-now',
      3,
      'inte just nu|inte för tillfället|längre fram|nästa år|nästa kvartal|efter sommaren',
      null,
    ],
    ['objection', 3, 'för dyrt|(?:använder|har) redan', null],
    ['positive', 3, 'låter (?:bra|intressant)|(?:är|vore) intresserad|gärna', 'not-interested'],
    ['neutral', 2, 'mer information|vad kostar'],
  ],
};
