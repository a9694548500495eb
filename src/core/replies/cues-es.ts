// Spanish cue phrases of every kind (see cues.ts for the row format and the weights).

import type { Lexicon } from './cues.js';

const DIA =
  '(?:el )?(?:lunes|martes|miércoles|miercoles|jueves|viernes|mañana|la (?:próxima )?semana(?: que viene)?)';

export const ES: Lexicon = {
  language: 'es',
  negators: 'no|nunca|jamás|sin|ni|tampoco',
  stopwords:
    'el la los las y que no es por para gracias estoy con una del nos le lo su mi estaré hasta pero muchas hola saludos usted estamos tenemos muy este esta al se me'.split(
      ' ',
    ),
  rows: [
    [
      'objection',
      1,
      'lamentablemente|desafortunadamente|difícil|problema|obstáculo|no es posible|imposible|requisito',
      null,
    ],
    [
      'objection',
      2,
      'la matriz|(?:casa matriz|grupo|sede central) (?:decide|impone|elige)|decide qué (?:herramientas|software)|(?:no tenemos|sin) margen|aprobación',
      null,
    ],
    [
      'out-of-office',
      3,
      '(?:estoy|estaré|me encuentro|sigo) de baja|de baja (?:médica|por)|(?:estoy|ando|estaré) (?:\\p{L}+ ){0,3}(?:de viaje|enferm[oa]|de vacaciones|en un congreso|en una feria|fuera)',
    ],
    [
      'not-now',
      3,
      '(?:hablemos|escríbame|escríbeme|contácteme|contáctame|llámeme|llámame|retomemos|retomamos|hablamos) (?:en|después|dentro|el próximo|la próxima|a partir|a la vuelta|más adelante|tras)',
      null,
    ],
    ['not-now', 2, 'muy liad[oa]s|muy ocupad[oa]s|(?:a tope|hasta arriba)', null],
    [
      'positive',
      3,
      '(?:me gustaría|quisiera|nos gustaría) (?:ver|conocer|saber|tener|hablar|agendar)|(?:qué tal|le parece|te parece|le va bien|te va bien)',
      'not-interested',
    ],
    [
      'out-of-office',
      3,
      '(?:regreso|vuelvo|me reincorporo|estaré de vuelta|estaré de regreso|volveré) (?:a la oficina )?(?:el |el día |a partir del )?(?:\\d+|lunes|martes|miércoles|jueves|viernes|mañana|la (?:próxima )?semana)',
    ],
    [
      'unsubscribe',
      3,
      'dar(?:me|nos)? de baja|darse de baja|(?:denme|dame|den|me den|nos den|déme) de baja|baja de (?:la|su|esta|vuestra|tu) lista|(?:elimín|quít|borr|sác|retír)(?:e|en|a)(?:me|nos) de|(?:eliminar|quitar|borrar|sacar|retirar)(?:me|nos)? de (?:su|la|vuestra|tu|esta|sus) (?:lista|base de datos|listas)|no (?:me |nos )?(?:envíen|envíe|envíes|manden|mande|escriban|escriba|contacten|contacte|contactes|escribas) más|(?:dejen|deje|deja|dejad|dejar|paren|parad|pare) de (?:enviar|escribir|contactar|mandar)(?:me|nos)?|(?:borren|borre|eliminen|elimine|supriman) (?:mis|nuestros) datos|no (?:deseo|quiero|queremos|deseamos) recibir|cancelar (?:la )?suscripción|(?:supresión|borrado|eliminación) de (?:mis|nuestros) datos',
    ],
    [
      'unsubscribe',
      3,
      '(?:eliminen|borren|quiten|supriman|eliminar|borrar|quitar|retiren|retirar) (?:mi|nuestro|nuestros|mis|nuestra) (?:correo|email|e-mail|dirección|datos|contacto)',
    ],
    ['unsubscribe', 2, 'spam|correo no deseado'],
    [
      'out-of-office',
      3,
      'fuera de (?:la )?oficina|(?:estoy|estaré|estaremos|estamos) fuera|(?:estoy|estaré) (?:en|de) (?:una |un )?(?:feria|congreso|conferencia|viaje|formación|curso|vacaciones)|a la vuelta|de vacaciones|ausente|de viaje|(?:de )?baja (?:por )?(?:maternidad|paternidad|médica|enfermedad)|permiso (?:de )?(?:maternidad|paternidad)|acceso limitado (?:a mi |al )?correo|(?:a|tras) mi (?:regreso|vuelta|reincorporación)|durante mi ausencia|día festivo|festivo|no (?:estaré|estoy) (?:disponible|en la oficina)',
    ],
    [
      'out-of-office',
      2,
      'estaré de vuelta|regresaré|volveré|me reincorporo|me reincorporaré|para (?:asuntos|temas|consultas) urgentes|en caso de urgencia|si es urgente',
    ],
    [
      'auto',
      3,
      'respuesta automática|mensaje automático|(?:este|esto) es un (?:mensaje|correo) (?:automático|generado automáticamente)|respuesta automatica',
    ],
    [
      'referral',
      3,
      'no soy la persona (?:adecuada|indicada|correcta|responsable)|(?:es|será|sería) la persona (?:adecuada|indicada|correcta|responsable)|(?:le sugiero|te sugiero|le recomiendo|mejor)(?: que)? (?:contactar|contacte|hable|escriba)|(?:contacte|contacta|póngase en contacto|ponte en contacto|escriba|escribe|hable|habla|diríjase) (?:con|a)(?! (?:mí|nosotros))|(?:he|ya he) (?:reenviado|enviado|pasado|trasladado) (?:su|tu) (?:correo|mensaje|email|solicitud)|(?:reenvío|paso|traslado) (?:su|tu) (?:correo|mensaje|email|solicitud)',
    ],
    [
      'referral',
      2,
      '(?:mi|nuestro|nuestra) (?:compañer[oa]|colega|responsable|jefe|jefa|director|directora|departamento)|en copia|(?:se encarga|es responsable|lleva) (?:de|del)|ya no (?:trabaja|trabajo|formo parte|forma parte)|dejó la empresa',
    ],
    [
      'not-interested',
      3,
      'no (?:nos |me )?interesa|no (?:estamos|estoy) interesad[oa]s?|sin interés|no,? gracias|no (?:lo )?necesitamos|no es para nosotros|no encaja|(?:hemos|he) (?:decidido|optado|elegido|escogido) (?:ir |trabajar |seguir )?(?:con |por )?(?:otr[oa]|un competidor|la competencia)|no (?:seguiremos|vamos a seguir) adelante|no tenemos (?:necesidad|interés)|no es algo que (?:necesit|busc|nos interes|vayamos a)\\p{L}*|(?:ya )?(?:optamos|elegimos|escogimos|contratamos) (?:por |a )?(?:otr[oa]|un competidor|la competencia)|no vamos a (?:seguir adelante|avanzar|contratar(?:lo)?|cambiar)|(?:seguiremos|vamos a seguir|nos quedamos|continuaremos) con (?:lo que tenemos|nuestr[oa]|la (?:herramienta|solución) actual|el (?:sistema|proveedor) actual)',
      null,
    ],
    [
      'not-now',
      3,
      '(?:ahora|en este momento|por ahora|de momento|por el momento|actualmente),? no|no (?:es|sería) (?:el |un )?(?:buen |mejor )?momento|más adelante|(?:vuelva|vuelve|volver) a (?:contactar|escribir|llamar)(?:me|nos)?|(?:contácte|escríba|contácta|escríbe|lláme)(?:me|nos) (?:en|después|dentro|el próximo|a partir)|el año que viene|el próximo año|el próximo trimestre|(?:después|tras) (?:del|el) verano|dentro de (?:unos|algunos|un par de|dos|tres|seis) meses|presupuesto (?:ya )?(?:cerrado|asignado|agotado)|en otro momento',
      null,
    ],
    [
      'objection',
      3,
      '(?:demasiado|muy) car[oa]|(?:el )?(?:precio|coste|costo|presupuesto) es el (?:problema|obstáculo)|no podemos (?:asumir|permitirnos|justificar)|(?:precio|coste|costo|tarifa)s? (?:es |son |nos parece )?(?:muy |demasiado )?(?:alt[oa]s?|elevad[oa]s?)|fuera de (?:nuestro )?presupuesto|no (?:tenemos|hay) presupuesto|ya (?:usamos|utilizamos|tenemos|trabajamos con|contamos con)|(?:content[oa]s|satisfech[oa]s) con|contrato (?:vigente|hasta)|solución (?:interna|propia)',
      null,
    ],
    [
      'objection',
      2,
      '(?:ya )?probamos algo (?:parecido|similar)|fue un (?:fracaso|desastre)|no sé si (?:esto|esta|sería|nos)|sería diferente|me preocupa|nos preocupa|preocupación|no estoy segur[oa]|no estamos seguros|no (?:vemos|veo) el valor|no (?:me|nos) convence|qué (?:les |os )?diferencia',
      null,
    ],
    [
      'objection',
      2,
      'alojad[oa]s? (?:en|fuera)|(?:en|dentro de) la (?:ue|unión europea)|protección de datos|rgpd|seguridad (?:de la información|informática|de los datos)|(?:ya )?(?:usamos|utilizamos|tenemos) (?:un|una|otro|otra|\\p{Lu})|no funcionó|somos (?:pequeños|una empresa pequeña)|(?:departamento de )?(?:ti|sistemas) (?:no|exige|requiere)|política (?:interna|de compras)|no (?:vemos|veo) (?:la )?(?:necesidad|ventaja)',
      null,
    ],
    [
      'positive',
      3,
      `(?:me|nos) interesa|(?:estamos|estoy) (?:muy )?interesad[oa]s?|(?:suena|parece|me parece) (?:bien|interesante|genial|perfecto)|hablemos|agendemos|(?:podemos|podríamos|quisiera|me gustaría|nos gustaría) (?:hablar|tener una (?:llamada|reunión)|agendar|reunirnos|ver una demo|saber más|conocer más|una demo)|(?:envíeme|envíame|mándeme) (?:una )?invitación|llámeme|llámame|con (?:mucho )?gusto|encantad[oa] de|me encantaría|(?:estoy|estamos) disponibles?|(?:qué tal|le va bien|te va bien|le viene bien) ${DIA}|${DIA}(?: \\p{L}+){0,3} (?:me va bien|me viene bien|nos va bien)`,
      'not-interested',
    ],
    [
      'neutral',
      2,
      '(?:envíe|envía|mande|manda)(?:me|nos)? (?:más )?(?:información|info|detalles|documentación|precios|un folleto|una presentación)|más (?:información|detalles)|cuánto (?:cuesta|vale)|qué precio|(?:lo|la) (?:reviso|revisaré|consultaré|comento|comentaré|miro|miraré|analizo|analizaré)|le (?:contesto|respondo|escribo)|te (?:contesto|respondo|escribo)|gracias por (?:su|tu|el) (?:correo|mensaje|email|contacto)|recibido',
    ],
    [
      'departure',
      3,
      'ya no (?:formo|forma|trabajo|trabaja)(?: parte de| en| con)?|dej(?:é|ó) (?:la empresa|\\p{Lu}\\p{L}+)|(?:me he|se ha) jubilado',
    ],
    ['referral', 3, '(?:te|le|os|les) (?:pongo|he puesto|dejo) en copia'],
    ['referral', 2, 'es quien (?:decide|lleva|se encarga)'],
    ['positive', 3, '(?:me|nos) (?:va|viene) (?:bien|genial|perfecto|de maravilla)', 'not-interested'],
    [
      'objection',
      3,
      'presupuesto (?:está |ya )?congelado|datos (?:tienen|deben|han) (?:que |de )?(?:estar|quedarse|permanecer)',
      null,
    ],
    [
      'objection',
      2,
      'somos (?:solo |sólo )?(?:un equipo de )?(?:dos|tres|cuatro|\\d+) personas|nos queda grande',
      null,
    ],
  ],
};
