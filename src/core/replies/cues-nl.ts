// Dutch cue phrases of every kind (see cues.ts for the row format and the weights).

import type { Lexicon } from './cues.js';

const DAG = '(?:maandag|dinsdag|woensdag|donderdag|vrijdag|morgen|volgende week)';

export const NL: Lexicon = {
  language: 'nl',
  negators: 'niet|geen|nooit|zonder|noch',
  stopwords:
    'de het een en ik niet is wij we voor met bedankt graag ben van op dat u jullie uw mijn ons onze zijn hebben maar ook nog tot weer vanaf groet dank je wel geen dit deze'.split(
      ' ',
    ),
  rows: [
    ['objection', 1, 'helaas|lastig|moeilijk|probleem|bezwaar|niet mogelijk|vereiste', null],
    [
      'objection',
      2,
      'moederbedrijf|hoofdkantoor|(?:concern|groep|holding) (?:bepaalt|beslist|kiest)|bepaalt welke|goedkeuring',
      null,
    ],
    [
      'out-of-office',
      3,
      '(?:ben|zijn) (?:[\\p{L}\\d.,]+ ){0,3}ziek|ziek thuis|(?:ben|zijn) (?:[\\p{L}\\d.,]+ ){0,3}er (?:\\p{L}+ )?weer(?=[.!,]|$)',
    ],
    [
      'positive',
      3,
      'bel (?:me|mij) (?:\\p{L}+ )?(?:maar|gerust|op|donderdag|maandag|dinsdag|woensdag|vrijdag|morgen)|(?:ben|zijn) (?:wel )?benieuwd|stuur (?:gerust|maar|mij|me) (?:\\p{L}+ )?(?:een )?(?:uitnodiging|voorstel)',
      'not-interested',
    ],
    ['objection', 3, 'te (?:kostbaar|prijzig|hoog geprijsd)', null],
    [
      'out-of-office',
      3,
      '(?:weer )?terug (?:op|vanaf) (?:\\d+|maandag|dinsdag|woensdag|donderdag|vrijdag|morgen)|(?:ben|zijn) (?:ik |we )?(?:er )?(?:[\\p{L}\\d.]+ ){0,3}weer(?: (?:aanwezig|op kantoor|bereikbaar|beschikbaar|terug))?(?=[.!,]|$)',
    ],
    [
      'unsubscribe',
      3,
      'afmelden|uitschrijven|schrijf (?:mij|me|ons) uit|(?:haal|verwijder) (?:mij|me|ons|mijn (?:gegevens|e-?mailadres|adres)) (?:uit|van)|(?:verwijder|wis) (?:mijn|onze) (?:gegevens|e-?mailadres|contactgegevens)|geen (?:verdere )?(?:e-?mails|mails|berichten|contact) meer|(?:stop|stopt|stoppen) met (?:mailen|e-?mailen|benaderen|berichten)|(?:neem|neemt) geen contact meer|wil (?:geen|niet langer)(?: \\p{L}+){0,2} (?:ontvangen|benaderd)|mail (?:mij|me) niet meer|(?:verwijdering|wissing) van (?:mijn|onze) gegevens',
    ],
    ['unsubscribe', 2, 'spam|ongevraagde (?:mail|e-?mail|reclame)'],
    [
      'out-of-office',
      3,
      'afwezig|(?:zit|ben|sta) (?:deze week |vandaag |morgen )?(?:op|bij) (?:de |een )?(?:beurs|congres|conferentie|training|cursus)|op de beurs|niet op kantoor|niet aanwezig|(?:met|op) vakantie|met verlof|(?:zwangerschaps|ouderschaps|zieken)verlof|(?:beperkt|geen) toegang tot (?:mijn )?(?:e-?mail|mail)|na mijn (?:terugkeer|terugkomst)|bij (?:mijn )?terugkomst|tijdens mijn afwezigheid|feestdag|niet bereikbaar|beperkt bereikbaar',
    ],
    [
      'out-of-office',
      2,
      'weer (?:aanwezig|op kantoor|bereikbaar|terug|beschikbaar)|ben (?:ik )?terug|voor (?:dringende|spoedeisende) (?:zaken|vragen)|in dringende gevallen|bij spoed|vakantie|verlof',
    ],
    [
      'auto',
      3,
      'automatisch (?:antwoord|bericht|gegenereerd)|automatische (?:reactie|melding|e-?mail|afwezigheidsmelding)|afwezigheidsmelding|dit is een automatisch',
    ],
    [
      'referral',
      3,
      'niet de (?:juiste|aangewezen|goede) persoon|niet het (?:juiste|goede) aanspreekpunt|(?:is|zijn) (?:de|het) (?:juiste|aangewezen|goede|beste) (?:persoon|contactpersoon|aanspreekpunt)|(?:neem|neemt|kunt u|kun je) (?:gerne |dan |beter |graag )?contact op(?:nemen)? met(?! mij)|(?:wend|wendt) u (?:zich )?(?:tot|aan)|(?:heb|ik heb) (?:uw|je|jouw) (?:mail|e-?mail|bericht|verzoek) (?:door|doorgestuurd|doorgezet)|(?:stuur|zet) (?:uw|je) (?:mail|e-?mail|bericht) door',
    ],
    [
      'referral',
      2,
      '(?:mijn|onze) (?:collega|manager|leidinggevende|inkoopafdeling|afdeling)|in (?:de )?cc|(?:is|zijn) verantwoordelijk voor|gaat (?:hier )?over|werk(?:t)? niet meer bij|(?:is|ben) niet meer werkzaam|heeft het bedrijf verlaten',
    ],
    [
      'not-interested',
      3,
      'geen (?:interesse|belangstelling|behoefte)|ni(?:ets|ks) voor ons|gekozen voor (?:een )?(?:andere|ander|\\p{Lu})|voor (?:een )?(?:andere|ander) (?:\\p{L}+ )?gekozen|niet geïnteresseerd|nee,? (?:dank (?:je|u)(?: wel)?|bedankt)|niet voor ons|niet nodig|past niet bij ons|niet relevant voor ons|(?:hebben|heb) (?:gekozen|besloten) (?:voor )?(?:een )?(?:andere|ander|om niet)|gaan (?:hier )?niet (?:mee )?verder|zien (?:hier )?(?:van )?af|geen (?:toegevoegde )?waarde|aan ons voorbij ?gaan|(?:blijven|houden het) bij (?:onze|ons|wat we|de huidige)|(?:slaan|sla) (?:we |ik )?(?:deze |dit )?over|(?:doen|gaan) (?:we )?(?:hier|daar) (?:niets|niks) (?:mee|mee doen)',
      null,
    ],
    [
      'not-now',
      3,
      '(?:op dit moment|nu|momenteel|voorlopig|op het moment|even) (?:nog )?(?:niet|geen)(?! budget)|niet het (?:juiste|goede) moment|(?:neem|neemt|kunt u|mag u)(?: \\p{L}+){0,5} (?:opnieuw |nog eens |weer )?contact (?:met ons |met mij )?op|(?:benader|mail|bel) (?:ons|mij|me) (?:gerust )?(?:over|na|in|volgend)|later (?:dit jaar|in het jaar|terug)|volgend (?:jaar|kwartaal)|na de zomer(?:vakantie)?|over (?:een paar|enkele|twee|drie|zes) maanden|budget (?:is )?(?:al )?(?:vergeven|op|besteed)|geen (?:tijd|capaciteit|prioriteit)|in het (?:najaar|voorjaar)|(?:misschien|wellicht) later|laten we (?:in|na|begin|eind|half) \\p{L}+ (?:\\p{L}+ )?(?:schakelen|bellen|spreken|afstemmen|kijken)',
      null,
    ],
    [
      'objection',
      3,
      'te duur|(?:momenteel |op dit moment |nu )?geen budget|(?:werken|werkt) al (?:\\p{L}+ ){0,2}met|(?:gebruiken|hebben|werken) al(?: met)?|(?:erg |zeer )?(?:aan )?gehecht|(?:prijs|prijzen|kosten) (?:is |zijn |liggen )?(?:te |erg |vrij )?(?:hoog|duur)|buiten (?:ons )?budget|geen budget|tevreden (?:met|over) (?:onze|ons|de huidige)|contract (?:loopt|tot)|eigen oplossing',
      null,
    ],
    [
      'objection',
      2,
      '(?:zie|zien) niet (?:direct |goed )?(?:hoe|wat|waarom)|zorgen over|twijfel|niet overtuigd|niet zeker of|wat is het verschil|waarin (?:onderscheidt|verschilt)',
      null,
    ],
    [
      'objection',
      2,
      'laat (?:\\p{L}+ ){0,3}(?:geen|niet) (?:[\\p{L}-]+ ){0,3}toe|niet toegestaan|(?:it|ict)-?afdeling|beleid|veiligheid|security|avg|hosting|(?:al eens|eerder) (?:geprobeerd|getest)|werkte niet|te (?:klein|groot|complex)|zien (?:de )?(?:meerwaarde|toegevoegde waarde) niet|(?:zijn|ben) (?:erg |heel )?tevreden',
      null,
    ],
    [
      'positive',
      3,
      `(?:klinkt|lijkt (?:me|mij|ons)) (?:goed|interessant|prima|mooi)|(?:toch )?(?:wel )?interesse(?! in)|plannen we|een demo|(?:ben|zijn) (?:zeker |erg )?geïnteresseerd|interessant|graag (?:een )?(?:gesprek|afspraak|demo|belletje|kennismaking|meer)|laten we (?:bellen|afspreken|een afspraak|praten|even)|(?:plan|plannen) (?:maar |gerust )?(?:een )?(?:afspraak|gesprek|call|meeting)|stuur (?:mij |me )?(?:maar )?(?:een )?(?:uitnodiging|agenda-?uitnodiging)|bel (?:me|mij) (?:gerust|maar)?|(?:schikt|komt (?:mij|me|ons)? ?goed uit)|${DAG}(?: \\p{L}+){0,3} (?:past|kan|schikt|is goed)|ik sta (?:er )?open|(?:wil|willen) graag`,
      'not-interested',
    ],
    [
      'neutral',
      2,
      '(?:stuur|stuurt|mail) (?:mij |me |ons )?(?:wat |meer |nog )?(?:informatie|info|details|documentatie|prijzen|een brochure|een offerte)|meer (?:informatie|info)|wat kost|wat zijn de (?:kosten|prijzen)|ik (?:kijk|bekijk) (?:er|het)|ik kom (?:er )?(?:op )?terug|(?:ga|moet) (?:het |dit )?(?:intern )?(?:bespreken|overleggen|afstemmen)|bedankt voor (?:uw|je|het) (?:mail|e-?mail|bericht)|ontvangen,? (?:dank|bedankt)',
    ],
    [
      'departure',
      3,
      'werk(?:t)? niet meer (?:bij|voor)|(?:ben|is) niet meer (?:werkzaam|in dienst|actief)|(?:heb|heeft) (?:het bedrijf|\\p{Lu}\\p{L}+) verlaten|met pensioen',
    ],
    [
      'unsubscribe',
      3,
      '(?:haal|verwijder|schrap) (?:mij|me|ons)(?: \\p{L}+){0,2} (?:van|uit) (?:de|jullie|uw|je|deze|het) (?:\\p{L}+)?(?:lijst|database|bestand|systeem)',
    ],
    ['referral', 3, '(?:moet|moeten|kun|kunt|kan) (?:je|u) (?:\\p{L}+ )?(?:bij|naar)(?= \\p{Lu})'],
    [
      'positive',
      3,
      `${DAG}(?:ochtend|middag|avond)?(?: [\\p{L}\\d:]+){0,3} (?:kan ik|kan het|past|schikt|is goed)|zeg maar (?:hoe laat|wanneer)|(?:willen|wil|gaan) (?:er )?(?:\\p{L}+ ){0,2}mee aan de slag`,
      'not-interested',
    ],
    [
      'out-of-office',
      3,
      '(?:zit|ben|sta) (?:\\p{L}+ ){0,4}(?:in het buitenland|op reis|op vakantie|op de beurs|op een beurs|ziek|op congres|op een congres)',
    ],
    [
      'objection',
      3,
      'budget (?:is )?(?:\\p{L}+ )?bevroren|data (?:moet|mag|moeten|mogen) (?:\\p{L}+ ){0,3}(?:blijven|niet (?:verlaten|buiten))',
      null,
    ],
    [
      'objection',
      2,
      "(?:zijn|ben) (?:maar |met )?(?:z'n |ons )?(?:tweeën|drieën|vieren|twee|drie|\\d+)(?: mensen| man)?",
      null,
    ],
  ],
};
