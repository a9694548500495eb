// German cue phrases of every kind (see cues.ts for the row format and the weights).

import type { Lexicon } from './cues.js';

const TAG = '(?:montag|dienstag|mittwoch|donnerstag|freitag|morgen|übermorgen|nächste woche)';

export const DE: Lexicon = {
  language: 'de',
  negators: 'nicht|kein|keine|keinen|keiner|keinem|keines|nie|niemals|ohne|weder|kaum',
  stopwords:
    'und ich nicht die der das ist wir sie mit für bitte danke bin ein eine auf zu den dem ihre ihnen uns mich mir haben sind vielen gerne gern wieder bis ab im es aber noch auch hallo herr frau grüße'.split(
      ' ',
    ),
  rows: [
    [
      'objection',
      1,
      'leider|schwierig|problem|hürde|voraussetzung|nicht möglich|nicht machbar|bedenken',
      null,
    ],
    [
      'objection',
      2,
      '(?:konzern|mutter(?:gesellschaft|konzern)|zentrale|holding|gruppe) (?:gibt|bestimmt|entscheidet|legt)|gibt (?:die |uns die )?(?:tools|software|systeme) vor|(?:kaum|kein(?:en)?) (?:spielraum|handlungsspielraum)|freigabe|genehmig\\p{L}*|budgetstopp|ausgabenstopp',
      null,
    ],
    ['out-of-office', 3, '(?:bin|sind) (?:[\\p{L}\\d.,]+ ){0,4}krank|krankgemeldet|krank geschrieben'],
    [
      'positive',
      3,
      '(?:wie sieht es|wie wäre es|passt es|geht es) (?:bei ihnen |ihnen |dir )?(?:am|mit|nächste|diese|morgen)|(?:hört|klingt) sich (?:\\p{L}+ )?(?:gut|interessant|spannend) an',
      'not-interested',
    ],
    [
      'objection',
      3,
      '(?:haben|nutzen|verwenden) (?:\\p{L}+ ){0,2}(?:schon|bereits) (?:ein|eine|einen) (?:tool|lösung|software|system|anbieter|dienstleister|programm)|(?:aufwand|einführung|umstellung|implementierung)(?: \\p{L}+){0,4} (?:zu hoch|zu groß|zu aufwendig)|zu aufwendig',
      null,
    ],
    [
      'not-interested',
      3,
      'passt nicht (?:zu|für) uns|(?:wettbewerber|konkurrent\\p{L}*|anderen anbieter|andere lösung)(?: \\p{L}+){0,3} (?:entschieden|unterschrieben|gewählt|beauftragt)',
      null,
    ],
    [
      'not-now',
      3,
      '(?:schreiben|melden|kontaktieren) sie (?:mir|mich|sich)(?: \\p{L}+){0,4} (?:noch einmal|nochmal|wieder|erneut)|erst (?:nächstes|im nächsten|ab) (?:jahr|quartal|\\p{L}+)(?: wieder)? (?:relevant|ein thema|interessant)',
      null,
    ],
    ['unsubscribe', 3, '(?:schreiben|mailen|kontaktieren) sie mir (?:bitte )?(?:nicht|nie) mehr'],
    [
      'out-of-office',
      3,
      '(?:bin|sind) (?:[\\p{L}\\d.,]+ ){0,4}nicht (?:da|im haus|am platz|erreichbar|verfügbar|anwesend|im office)',
    ],
    [
      'out-of-office',
      3,
      '(?:bin|sind) (?:[\\p{L}\\d.,]+ ){0,4}(?:wieder (?:im büro|erreichbar|da|im haus|zurück|für sie da|an meinem platz)|zurück)(?! \\p{L})',
    ],
    [
      'unsubscribe',
      3,
      'abmelden|abmeldung|melden sie mich (?:bitte )?ab|austragen|tragen sie mich (?:bitte )?aus|abbestellen|(?:aus|von) (?:dem|ihrem|eurem|diesem|ihren|allen) (?:e-?mail-?|mail-?|newsletter-?)?(?:verteiler|liste|datenbank|verteilern|listen)(?: \\p{L}+){0,2} (?:nehmen|entfernen|streichen|löschen|austragen)|(?:entfernen|streichen|nehmen|löschen) sie mich|(?:streichen|löschen|entfernen|nehmen) sie (?:bitte )?(?:meine (?:\\p{L}+ )?adresse|meine daten|meinen kontakt|meine e-?mail\\p{L}*)(?: \\p{L}+){0,4} (?:aus|von)',
    ],
    [
      'unsubscribe',
      3,
      '(?:keine|keinerlei) (?:weiteren |e-?mails|mails|nachrichten|werbung|kontaktaufnahme|zusendungen)(?:e-?mails|mails|nachrichten|werbung|kontaktaufnahmen|zusendungen)?(?: mehr)?|(?:kontaktieren|schreiben|mailen|anschreiben) sie mich (?:bitte )?(?:nicht|nie) mehr|(?:hören|hört) sie (?:bitte )?auf,? mir zu (?:schreiben|mailen)|unterlassen sie',
    ],
    [
      'unsubscribe',
      3,
      '(?:löschen|entfernen) sie (?:bitte )?(?:meine|unsere|sämtliche|alle) (?:personenbezogenen )?(?:daten|e-?mail-?adresse|kontaktdaten|adresse)|löschung (?:meiner|unserer) (?:daten|e-?mail-?adresse|kontaktdaten)|widerspreche der (?:nutzung|verwendung|verarbeitung)|widerspruch gemäß|art\\. ?(?:17|21) dsgvo|löschung gemäß',
    ],
    [
      'unsubscribe',
      3,
      'ich (?:möchte|will|wünsche) (?:keine|nicht mehr)(?: \\p{L}+){0,3} (?:erhalten|bekommen|kontaktiert|angeschrieben)',
    ],
    ['unsubscribe', 2, 'unerwünschte werbung|spam'],
    [
      'out-of-office',
      3,
      'nicht im büro|auf (?:der|einer) (?:messe|konferenz|tagung|schulung|fortbildung|veranstaltung)|außer haus|ausser haus|abwesend|abwesenheit|im urlaub|in urlaub|urlaubsbedingt|elternzeit|mutterschutz|auf (?:dienst|geschäfts)reise|krankheitsbedingt|krank geschrieben|krankgeschrieben|brückentag\\p{L}*|wieder im haus|(?:eingeschränkt|begrenzt)(?:em|en)? zugriff auf (?:meine )?(?:e-?mails|mails|e-?mail-?postfach)|keinen zugriff auf (?:meine )?(?:e-?mails|mails)|nach meiner rückkehr|bei meiner rückkehr|während meiner abwesenheit|feiertag|brückentag',
    ],
    [
      'out-of-office',
      2,
      'nicht erreichbar|urlaub|wieder im büro|wieder erreichbar|wieder (?:da|zurück|für sie da)|in dringenden (?:fällen|angelegenheiten)|bei dringenden (?:anliegen|fragen|angelegenheiten|fällen)|in eiligen fällen',
    ],
    [
      'auto',
      3,
      'automatische antwort|automatisch (?:generiert|erstellt|versandt|versendet)|automatische (?:nachricht|benachrichtigung|e-?mail)|abwesenheitsnotiz|dies ist eine automatische',
    ],
    [
      'referral',
      3,
      'nicht (?:der|die) (?:richtige|passende|zuständige) (?:ansprechpartner(?:in)?|person|kontakt(?:person)?)|nicht zuständig|(?:ist|sind|wäre|wären) (?:der|die) (?:richtige|passende|zuständige|bessere) (?:ansprechpartner(?:in)?|person|kontakt)|zuständig (?:ist|sind|wäre)|(?:ist|sind) (?:hierfür |dafür |für \\p{L}+ )?zuständig',
    ],
    [
      'referral',
      3,
      '(?:wenden|melden) sie sich (?:bitte |gerne )?(?:direkt )?an(?! mich)|(?:kontaktieren|kontaktiere|schreiben) sie (?:bitte |gerne )?(?:direkt )?(?:meine|meinen|unsere|unseren|herrn|frau|\\p{Lu}\\p{L}+)|(?:habe|hab) (?:ihre (?:e-?mail|nachricht|anfrage|mail)|das|es|dies) (?:an \\p{L}+(?: \\p{L}+){0,3} )?weitergeleitet|leite (?:ihre (?:e-?mail|nachricht|anfrage|mail)|das|es|dies) (?:an \\p{L}+(?: \\p{L}+){0,3} )?weiter',
    ],
    [
      'referral',
      2,
      '(?:meine|meinen|meiner|unsere|unseren) (?:kolleg(?:in|en|e)|chef(?:in)?|vorgesetzte[nr]?|einkauf|it-abteilung|geschäftsführ(?:er|erin|ung))|in (?:cc|kopie) (?:gesetzt|genommen)|(?:arbeite|bin) nicht mehr (?:bei|für|im unternehmen)|nicht mehr im unternehmen|hat das unternehmen verlassen|hat (?:meine aufgaben|das thema) übernommen',
    ],
    [
      'not-interested',
      3,
      'kein(?:erlei)? interesse|nicht interessiert|(?:kein|keinen) bedarf|brauchen (?:wir|ich) (?:das )?nicht(?! weiter| zu)|benötigen (?:wir |ich )?(?:das |so etwas )?(?:nicht|keine)|nein,? danke|passt nicht (?:zu uns|für uns)|(?:ist )?(?:für uns )?nicht relevant|nicht das richtige für uns|(?:haben|hatten) uns(?: \\p{L}+){0,2} (?:für (?:einen|eine|ein) (?:anderen?|andere)(?: \\p{L}+){0,2}|dagegen|anders) entschieden|wir verzichten|verzichten (?:wir|dankend)|(?:werden|möchten) (?:das )?nicht weiter (?:verfolgen|verfolgt)|sind (?:bereits )?versorgt|kein thema für uns|für uns kein thema|(?:machen|erledigen|lösen) (?:das|es|wir das) (?:weiterhin|auch künftig|weiter|lieber) (?:mit|in|selbst|intern)|nichts für uns|kommt (?:für uns )?nicht in frage|(?:bleiben|bleibe) (?:bei|mit) (?:unserer?|unserem|der (?:bisherigen|aktuellen|jetzigen))|(?:sehen|sehe) (?:hier |dafür |darin )?keinen (?:bedarf|mehrwert|nutzen)',
      null,
    ],
    [
      'not-now',
      3,
      '(?:derzeit|momentan|aktuell|im moment|zurzeit|zur zeit|gerade|jetzt|vorerst|vorläufig) (?:leider )?(?:noch )?(?:nicht|kein(?:e|en)?(?: bedarf| thema| priorität| zeit| kapazitäten?)?)(?! budget)|nicht der (?:richtige|passende) zeitpunkt|(?:ungünstiger|schlechter) zeitpunkt|(?:melden|kommen) sie (?:sich )?(?:\\p{L}+ ){0,5}(?:wieder|nochmal|noch einmal|erneut)|(?:melden|kommen) sie (?:sich )?(?:gerne? |bitte |doch )?(?:im|in|nach|anfang|ende|mitte)|zeitlich (?:nicht|schlecht|ungünstig|gerade nicht)|passt (?:es )?(?:gerade|aktuell|derzeit|zeitlich|jetzt|im moment) (?:\\p{L}+ )?(?:nicht|schlecht)|mitten in|(?:im|in|nach|anfang|ende|mitte)(?: \\p{L}+){0,3} (?:wieder|nochmal|noch einmal|erneut) (?:melden|auf (?:mich|uns) zukommen|kontaktieren|sprechen)',
      null,
    ],
    [
      'not-now',
      3,
      '(?:vielleicht|eventuell|gerne) (?:später|nächstes jahr|im nächsten jahr|im (?:herbst|frühjahr|sommer|winter)|im neuen jahr|nach dem sommer|in (?:ein paar|einigen) (?:wochen|monaten))|budget (?:ist |wurde )?(?:bereits |schon )?(?:verplant|ausgeschöpft|vergeben|aufgebraucht)|auf eis (?:gelegt)?|zurückgestellt|keine kapazitäten|keine zeit|(?:später|zu einem späteren zeitpunkt) (?:wieder|noch einmal|nochmal|gerne)',
      null,
    ],
    [
      'not-now',
      2,
      'nächstes jahr|im nächsten (?:jahr|quartal)|nächstes quartal|nach dem sommer|nach den (?:sommerferien|ferien|feiertagen)|im (?:herbst|frühjahr|neuen jahr)|in (?:ein paar|einigen|wenigen) (?:wochen|monaten)|später|(?:keine|nicht) priorität|andere prioritäten',
      null,
    ],
    [
      'objection',
      3,
      'zu teuer|(?:preis|preise|kosten) (?:ist|sind|liegt|liegen)? ?(?:uns )?(?:zu |sehr |recht |ziemlich )?(?:hoch|teuer)|(?:über|außerhalb) (?:unserem|unseres|unseren) budget|(?:derzeit |aktuell |momentan )?kein budget|nicht im budget|können (?:wir|uns) (?:uns )?(?:das )?nicht leisten|günstiger',
      null,
    ],
    [
      'objection',
      3,
      '(?:nutzen|verwenden|haben|setzen|arbeiten) (?:bereits|schon|aktuell|derzeit)(?: \\p{L}+){0,3} (?:ein|mit|eine|einen|\\p{Lu}\\p{L}+)|(?:zufrieden|glücklich) mit (?:unserem|unserer|unseren|dem|der|den) |vertraglich gebunden|(?:vertrag|laufzeit) (?:läuft|bis|noch)|eigene (?:lösung|entwicklung)|inhouse',
      null,
    ],
    [
      'objection',
      2,
      '(?:lässt|lassen) (?:\\p{L}+ ){0,3}(?:kein\\p{L}*|nicht) (?:[\\p{L}-]+ ){0,3}zu|erlaubt (?:kein|nicht)|nicht (?:erlaubt|genehmigt|zugelassen)|(?:wo|wie) werden (?:die |unsere )?daten (?:gehostet|gespeichert)|rechenzentr\\p{L}* in|av-vertrag|auftragsverarbeitung|dsgvo|datenschutz|(?:erst|gerade|bereits) (?:letztes jahr |kürzlich |im \\p{L}+ )?(?:\\p{L}+ ){0,3}eingeführt|kein weiteres tool|nicht zulassen|bedenken|skeptisch|nicht überzeugt|nicht sicher,? ob|(?:was|wodurch|inwiefern) unterscheide[nt]|mehrwert (?:nicht|sehe ich)|datenschutz|dsgvo-konform|(?:zu )?aufwendig|zu (?:klein|groß|früh)',
      null,
    ],
    [
      'objection',
      2,
      '(?:arbeiten|sind|arbeite) (?:schon |bereits )?seit (?:\\p{L}+ )?jahren mit|(?:keinen|kein) grund(?: \\p{L}+){0,2} (?:zu |zum )?wechseln|(?:ein )?wechsel (?:ist|wäre|kommt) (?:\\p{L}+ )?(?:kein|nicht|zu)|schlechte erfahrungen|(?:schon|bereits) (?:einmal |mal )?(?:ausprobiert|getestet)|hat (?:damals )?nicht funktioniert|skeptisch|(?:server|hosting|daten) (?:in|innerhalb) (?:deutschland|der eu|europa)|it-sicherheit|sicherheitsprüfung|richtlinie|rahmenvertrag|zu (?:klein|groß|aufwendig|komplex)|(?:sehe|sehen) (?:keinen|den) (?:mehrwert|nutzen|bedarf)',
      null,
    ],
    [
      'objection',
      2,
      'mit (?:unserer|unserem|unseren|der|dem|den) (?:[\\p{L}-]+ ){0,3}(?:sehr |ganz |durchaus |absolut )?zufrieden|unserer größe|zu viel für uns|überdimensioniert|(?:für uns )?zu groß',
      null,
    ],
    [
      'positive',
      3,
      '(?:klingt|klingen|hört sich|liest sich) (?:sehr |wirklich |durchaus )?(?:gut|interessant|spannend|vielversprechend)|(?:bin|sind|wäre|wären) (?:sehr |durchaus |grundsätzlich )?interessiert|interesse (?:an|daran|haben|hätte|hätten)|gerne (?:mehr|einen|ein|eine|zu|über|bereit|telefonieren|sprechen|austauschen)|(?:lassen sie|lass) uns (?:sprechen|telefonieren|reden|einen termin|austauschen|gerne)',
      'not-interested',
    ],
    [
      'positive',
      3,
      `termin (?:vereinbaren|ausmachen|finden|einstellen|schicken|vorschlagen)|(?:können|könnten|sollen|wollen) wir (?:\\p{L}+ ){0,3}(?:telefonieren|sprechen|einen termin|treffen|austauschen)|wäre (?:ideal|gut|perfekt|super)|(?:sehr|ganz) aktuell|(?:schicken|senden) sie (?:mir )?(?:gerne |bitte )?(?:eine |einen )?(?:einladung|termineinladung|kalendereinladung|terminvorschlag|termin)|(?:rufen|ruf) (?:sie|mich) (?:mich )?(?:gerne |bitte )?an|passt (?:mir|uns|gut|perfekt)|${TAG}(?: \\p{L}+){0,3} (?:passt|geht|wäre gut)|(?:wie wäre es|wie sieht es) (?:mit|am)|freue mich auf|würde (?:gerne|gern) (?:mehr|sprechen|erfahren|sehen|testen)|demo|testversion`,
      'not-interested',
    ],
    [
      'neutral',
      2,
      '(?:schicken|senden|schick|sende) sie (?:mir |uns )?(?:gerne |bitte )?(?:mehr |weitere |ein paar |einige )?(?:informationen|infos|unterlagen|details|material|preise|eine preisliste|ein angebot)|(?:mehr|weitere) (?:informationen|infos|details)|was kostet|wie (?:viel|teuer)|(?:was|wie) (?:genau|macht|funktioniert)|wer sind sie|woher haben sie|ich (?:schaue|sehe) (?:mir )?(?:das|es)|(?:melde|komme) mich|(?:werde|muss|möchte) (?:das |es )?(?:intern )?(?:besprechen|abstimmen|klären|prüfen)|danke für (?:ihre|die|deine) (?:nachricht|e-?mail|mail|info)|erhalten,? danke',
    ],
    [
      'departure',
      3,
      'nicht mehr (?:bei|für|im unternehmen|in der firma|tätig|beschäftigt)|(?:hat|habe) (?:das unternehmen|die firma|uns) verlassen|(?:bin|ist) (?:jetzt |nun )?im ruhestand|ausgeschieden',
    ],
    [
      'unsubscribe',
      3,
      '(?:hören|hört) sie (?:bitte )?(?:damit )?auf,? mich (?:\\p{L}+ )?(?:anzuschreiben|anzumailen|zu kontaktieren|zu (?:be)?schreiben|zu (?:be)?lästigen)',
    ],
    ['unsubscribe', 2, '(?:nie|niemals) zugestimmt|keine einwilligung'],
    [
      'referral',
      3,
      'sprechen sie (?:besser |lieber |am besten |bitte )?mit(?= (?:\\p{Lu}|herrn?|frau|meine|meinem|unsere|unserem))',
    ],
    [
      'positive',
      3,
      'termin (?:\\p{L}+ ){0,5}(?:verschieben|verlegen)|(?:verschieben|verlegen) wir (?:den|unseren) termin',
      'not-interested',
    ],
    [
      'objection',
      3,
      '(?:daten|server)(?: \\p{L}+){0,3} (?:dürfen|darf|müssen|muss|sollen) (?:\\p{L}+ ){0,3}(?:nicht verlassen|bleiben|liegen|stehen)|budget (?:ist |wurde )?(?:\\p{L}+ ){0,3}eingefroren',
      null,
    ],
    [
      'objection',
      2,
      '(?:wir sind|sind nur|nur) (?:zu )?(?:zweit|dritt|viert|\\d+|zwei|drei|vier) (?:leute|personen|mitarbeiter)',
      null,
    ],
  ],
};
