// French cue phrases of every kind (see cues.ts for the row format and the weights).

import type { Lexicon } from './cues.js';

const JOUR = '(?:lundi|mardi|mercredi|jeudi|vendredi|demain|la semaine prochaine)';

export const FR: Lexicon = {
  language: 'fr',
  negators: "pas|ne|n'|jamais|aucun|aucune|sans|ni",
  stopwords:
    'je le la les et vous nous pas est pour merci une des du suis avec ne bonjour au mon ma mes votre vos serai sera jusqu mais cette ce qui que cordialement monsieur madame'.split(
      ' ',
    ),
  rows: [
    [
      'objection',
      1,
      'malheureusement|difficile|problème|contrainte|obstacle|pas possible|impossible pour nous|frein',
      null,
    ],
    [
      'objection',
      2,
      'maison mère|(?:groupe|siège) (?:impose|décide|choisit)|impose (?:ses|nos|les) outils|(?:pas|peu) la main|validation (?:du|de la|par)|gel des (?:dépenses|budgets)',
      null,
    ],
    [
      'positive',
      3,
      "on peut (?:s'appeler|se parler|échanger|en parler|caler)|(?:bonne idée|pourquoi pas)|je veux bien|(?:proposez|envoyez)(?:-moi)? une date",
      'not-interested',
    ],
    [
      'not-interested',
      3,
      "ne le sera pas|n'est pas une priorité pour nous|(?:nous n'|n')(?:irons|donnerons) pas plus loin",
      null,
    ],
    [
      'not-now',
      3,
      "reparlons-en|plutôt (?:en|au|à|dans|début|fin|à partir de) (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|\\d+|l'année|la rentrée|automne|trimestre)|(?:recontactez|relancez|rappelez)(?:-moi|-nous)",
      null,
    ],
    [
      'out-of-office',
      3,
      'de retour (?:le |au bureau |à partir du |dès )?(?:\\d+|lundi|mardi|mercredi|jeudi|vendredi|demain|la semaine)|je (?:serai|suis) de retour|je reprendrai',
    ],
    [
      'unsubscribe',
      3,
      "(?:me )?désabonner|désabonnez(?:-moi|-nous)?|désabonnement|(?:me )?désinscrire|désinscri(?:vez|s|re)(?:-moi)?|désinscription|(?:retirez|supprimez|enlevez|rayez)(?:-moi| moi| mon adresse| mes coordonnées| mes données)|(?:me|m') ?(?:retirer|supprimer|enlever) de (?:votre|vos|la|cette) (?:liste|fichier|base)|ne (?:plus|pas) (?:me |m')?(?:recevoir|contacter|écrire|solliciter|envoyer)|ne me (?:contactez|sollicitez|écrivez|relancez) plus|(?:arrêtez|cessez) de (?:m'|me )?(?:écrire|envoyer|contacter|solliciter|relancer)|suppression de mes données|(?:effacement|suppression) de (?:mes|nos) (?:données|coordonnées)",
    ],
    [
      'unsubscribe',
      3,
      'je ne (?:souhaite|veux|désire) (?:plus|pas) (?:recevoir|être (?:contactée?|sollicitée?|relancée?))|(?:retirer|supprimer|enlever|effacer|rayer) (?:moi|mon adresse|mes coordonnées|mes données|mon e-?mail|mon nom)',
    ],
    ['unsubscribe', 2, 'spam'],
    [
      'out-of-office',
      3,
      '(?:absent|absente)(?:e)? du bureau|(?:ne suis|suis) pas au bureau|accès (?:\\p{L}+ )?(?:limité|restreint)|en formation|hors du bureau|(?:en|de) congés?|en vacances|en déplacement|pas au bureau|accès (?:limité|restreint) (?:à mes|aux|à ma) (?:e-?mails|courriels|messages|messagerie)|(?:à|dès|après) mon retour|pendant mon absence|en mon absence|congé (?:maternité|paternité|parental|maladie)|arrêt maladie|jour férié|(?:je suis|je serai) (?:actuellement )?(?:absent|absente|indisponible)',
    ],
    [
      'out-of-office',
      2,
      "(?:de retour|je reviens|je rentre)|en cas d'urgence|pour toute (?:urgence|demande urgente)|pour les (?:urgences|demandes urgentes)|absent|absente",
    ],
    [
      'auto',
      3,
      'réponse automatique|message (?:automatique|généré automatiquement)|ceci est un (?:message|courriel) automatique|répondeur automatique',
    ],
    [
      'referral',
      3,
      "(?:je ne suis pas|pas) (?:la bonne personne|le bon interlocuteur|la bonne interlocutrice|le bon contact|la personne (?:en charge|concernée|compétente))|(?:est|sera|serait) (?:la personne|le bon interlocuteur|la bonne interlocutrice|plus à même|mieux placée?|le bon contact|la bonne personne)|(?:contactez|contacter|contacte|adressez-vous à|écrivez à|je vous invite à contacter|merci de contacter|veuillez contacter|rapprochez-vous de)(?! moi)(?! nous)|(?:j'ai|je) (?:transmis|transmets|transféré|transfère|fait suivre|fais suivre) (?:votre (?:message|mail|e-?mail|demande|courriel)|cela|ceci|ça)",
    ],
    [
      'referral',
      2,
      "(?:mon|ma|notre) (?:collègue|responsable|directeur|directrice|manager|service)|en copie|(?:s'occupe|est en charge|est responsable|gère) (?:de|des|du)|ne fait plus partie|a quitté (?:l'entreprise|la société)|(?:je ne travaille|ne travaille) plus",
    ],
    [
      'not-interested',
      3,
      "pas (?:du tout |vraiment )?(?:intéressée?s?|intéressés)|ne (?:sommes|suis) pas intéressée?s?|aucun intérêt|pas d'intérêt|non,? merci|pas pour nous|(?:pas|aucun) besoin|n'(?:avons|ai) pas besoin|ne (?:correspond|répond) pas à (?:nos|notre)|pas pertinent|(?:avons|ai) (?:déjà )?(?:choisi|retenu|opté pour|sélectionné) (?:un autre|une autre|un concurrent|une solution concurrente)|ne (?:donnerons|donnerai) pas suite|n'(?:allons|irons) pas (?:donner suite|plus loin)|rest(?:ons|erons) (?:sur|avec) (?:notre|nos|l'|la solution)|passons notre tour|ça ne nous intéresse pas|cela ne nous intéresse pas",
      null,
    ],
    [
      'not-now',
      3,
      "pas (?:pour le moment|maintenant|en ce moment|pour l'instant|actuellement|tout de suite|cette année|ce trimestre)|(?:pour le moment|pour l'instant|actuellement|en ce moment),? (?:ce n'est pas|pas|nous ne|je ne)|pas le bon moment|(?:recontactez|relancez|revenez vers|rappelez)(?:-moi|-nous| moi| nous)?(?: \\p{L}+){0,3} (?:dans|en|après|à la|l'année|au|début|fin|d'ici)|(?:revenir|reprendre contact) (?:vers nous |avec nous )?(?:dans|en|après|à la|l'année|au)|budget (?:est )?(?:déjà )?(?:bouclé|alloué|consommé|épuisé)|plus tard|à la rentrée|l'année prochaine|le trimestre prochain|au prochain trimestre|après l'été|dans (?:quelques|deux|trois|six) mois",
      null,
    ],
    [
      'objection',
      3,
      "trop cher|le problème,? c'est (?:le|la) (?:budget|prix|coût)|(?:aucune|pas de) ligne budgétaire|appel d'offres|hébergée? (?:hors|en dehors|à l'étranger)|hors de (?:suisse|l'ue|l'union|france|l'europe)|confier nos données|(?:prix|tarifs?|coût) (?:est |sont )?(?:trop |très |un peu )?(?:élevés?|chers?)|hors (?:de notre )?budget|pas (?:de|le) budget|(?:utilisons|avons|travaillons avec|disposons) déjà|(?:satisfaits|contents) (?:de|avec) (?:notre|nos|notre prestataire)|sous contrat|engagés (?:avec|jusqu)|solution (?:interne|maison)",
      null,
    ],
    [
      'objection',
      2,
      "inquiets?|préoccupation|réserves|pas convaincus?|pas sûrs? que|qu'est-ce qui vous (?:différencie|distingue)|quelle (?:est la )?différence",
      null,
    ],
    [
      'objection',
      2,
      "(?:utilisons|travaillons|disposons|avons) déjà|(?:en )?sommes (?:très |plutôt )?(?:satisfaits|contents)|satisfaits de|sécurité (?:des données|informatique)|hébergement|rgpd|nous avons déjà (?:essayé|testé)|(?:ça|cela) n'a pas (?:fonctionné|marché)|(?:trop )?petite structure|(?:notre )?dsi|politique (?:interne|informatique|d'achat)|pas (?:sûre?|certaine?) (?:que|de)|ne (?:vois|voyons) pas (?:l'intérêt|la valeur|ce que)|migration",
      null,
    ],
    [
      'objection',
      3,
      '(?:prix|tarifs?|coûts?|montant) (?:me |nous )?(?:paraît|paraissent|semble|semblent|est|sont) (?:un peu |trop |très |assez |bien )?(?:élevée?s?|chers?|hauts?)',
      null,
    ],
    [
      'positive',
      3,
      `(?:ça|cela|ceci|le sujet|ce sujet|votre solution) (?:m'|nous |me )?intéresse|nous intéresse|(?:je suis|nous sommes|serais|serions) (?:très |tout à fait )?intéressée?s?|(?:semble|paraît|a l'air) (?:intéressant|pertinent|prometteur)|très intéressant|volontiers|avec (?:grand )?plaisir|(?:prenons|fixons|planifions|organisons|caler|calons|bloquons) (?:un|une|rendez-vous)|(?:un|une) (?:échange|appel(?! d'offres)|rendez-vous|démo|visio|call)|appelez-moi|(?:je suis|suis) disponible|envoyez(?:-moi)? une invitation|ça (?:me )?(?:va|convient|marche)|(?:me|nous) convient|(?:je|nous) (?:serais|serions|suis|sommes) (?:ravie?s?|heureux|heureuse|partants?) (?:de|d')|(?:en savoir|découvrir) plus|${JOUR}(?: \\p{L}+){0,3} (?:me convient|ça marche|c'est bon)`,
      'not-interested',
    ],
    [
      'positive',
      3,
      '(?:proposer|proposez|envoyer|envoyez|donner|donnez)(?:-moi|-nous| moi| nous)? (?:un |des |vos |quelques )?(?:créneaux?|disponibilités|dates?|rendez-vous)|un créneau|vos disponibilités',
      'not-interested',
    ],
    [
      'neutral',
      2,
      "(?:envoyez|transmettez|faites parvenir)(?:-moi|-nous)?(?: \\p{L}+){0,2} (?:informations|documentation|plaquette|brochure|tarifs|présentation|détails)|plus d'informations|(?:combien|quel est le (?:prix|coût|tarif))|je (?:vais )?(?:regarde|regarder|étudie|étudier|reviens|reviendrai|en parle|en parler|en discuter)|je dois (?:en )?(?:discuter|parler|voir)|merci (?:pour|de) (?:votre|ce) (?:message|mail|e-?mail|courriel|retour)|bien reçu",
    ],
    [
      'departure',
      3,
      "ne fai(?:t|s) plus partie|(?:a|ai) quitté (?:l'entreprise|la société|le groupe|\\p{Lu}\\p{L}+)|ne travaille plus|(?:est|suis) (?:partie?|désormais) à la retraite|ne suis plus (?:chez|en poste)",
    ],
    ['unsubscribe', 3, '(?:être|etre) (?:retirée?s?|supprimée?s?|désinscrite?s?|radiée?s?|enlevée?s?) de'],
    [
      'not-interested',
      3,
      "pas l'utilité|aucune utilité|(?:merci de )?ne (?:plus|pas) (?:nous |me )?relancer",
      null,
    ],
    [
      'positive',
      3,
      "(?:aimerions|voudrions|souhaitons|aimerais|voudrais|souhaite|souhaiterions) (?:avancer|démarrer|commencer|tester|essayer|voir une démo|aller plus loin)|quand (?:êtes-vous|seriez-vous|es-tu|serez-vous) (?:disponible|libre)s?|d'actualité",
      'not-interested',
    ],
    [
      'objection',
      3,
      'budget (?:est )?(?:\\p{L}+ )?gelé|données (?:doivent|ne peuvent pas|ne doivent pas) (?:rester|sortir|quitter)',
      null,
    ],
    [
      'objection',
      2,
      '(?:sommes|suis) (?:seulement |que )?(?:deux|trois|quatre|\\d+)(?: personnes)?(?: en| à la| au)? (?:finance|compta|équipe)',
      null,
    ],
  ],
};
