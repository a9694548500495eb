// Portuguese cue phrases of every kind (see cues.ts for the row format and the weights).

import type { Lexicon } from './cues.js';

const DIA = '(?:(?:na |a )?(?:segunda|terça|quarta|quinta|sexta)(?:-feira)?|amanhã|(?:na )?próxima semana)';

export const PT: Lexicon = {
  language: 'pt',
  negators: 'não|nao|nunca|sem|nem|jamais',
  stopwords:
    'o os as e não é para com obrigado obrigada estou uma um do da que nós você seu sua meu minha estarei até mas muito olá ao no na pelo pela temos vou atenciosamente abraço dia'.split(
      ' ',
    ),
  rows: [
    ['objection', 1, 'infelizmente|difícil|problema|obstáculo|não é possível|inviável|requisito', null],
    [
      'objection',
      2,
      'a matriz|casa-mãe|(?:grupo|sede) (?:define|decide|impõe)|(?:não temos|sem) autonomia|aprovação',
      null,
    ],
    ['out-of-office', 3, '(?:estou|estarei) de (?:folga|licença|atestado|baixa)|na volta|quando voltar'],
    [
      'positive',
      3,
      'pode ser (?:na|no|às|amanhã|segunda|terça|quarta|quinta|sexta)|(?:gostei|adorei)|podemos (?:marcar|agendar|falar|conversar)',
      'not-interested',
    ],
    [
      'not-now',
      3,
      '(?:me procure|procure-me|me procura|procura-me|me chame|fale comigo|me contate|me contacte|volte a falar comigo) (?:em|no|na|depois|daqui|mais|a partir)',
      null,
    ],
    [
      'out-of-office',
      3,
      '(?:volto|regresso|retorno|retornarei|regressarei|estarei de volta) (?:ao escritório )?(?:no |em |a |na |dia |no dia )?(?:\\d+|segunda|terça|quarta|quinta|sexta|amanhã|próxima)',
    ],
    [
      'unsubscribe',
      3,
      'descadastr(?:ar|e|em|ar-me|em-me|ado)|cancelar (?:a )?(?:minha )?inscrição|(?:remov|retir|tir|exclu)(?:a|am|ir|er|e)(?:-me| me| meu (?:e-?mail|contato|contacto)| o meu (?:e-?mail|contacto|contato))? da (?:sua |vossa |vossa )?(?:lista|base)|remova-me|não (?:me )?(?:envie|enviem|mande|mandem|contacte|contactem|contate|contatem|escreva|escrevam) mais|(?:parem|pare) de (?:me )?(?:enviar|mandar|contactar|contatar|escrever)|(?:apaguem|apague|eliminem|excluam) (?:os )?(?:meus|nossos) dados|não (?:quero|queremos|desejo) (?:mais )?receber|(?:lgpd|rgpd)(?: \\p{L}+){0,4} (?:exclusão|eliminação|apagar|excluir|remoção)|(?:exclusão|eliminação|apagamento) (?:dos|de) (?:meus|nossos) dados',
    ],
    ['unsubscribe', 2, 'spam'],
    [
      'out-of-office',
      3,
      'fora do escritório|(?:estou|estarei|estamos) fora|(?:de|em) férias|ausente|em viagem|licença (?:de )?(?:maternidade|paternidade|médica|parental)|de licença|acesso limitado (?:ao|aos|a) (?:meu )?e-?mails?|(?:no|ao|após o) meu (?:regresso|retorno)|quando (?:regressar|retornar|voltar)|durante a minha ausência|feriado|(?:não estarei|não estou) (?:disponível|no escritório)',
    ],
    [
      'out-of-office',
      2,
      'estarei de volta|regresso|retorno|volto (?:a|no|na|em)|para assuntos urgentes|em caso de urgência|se for urgente',
    ],
    [
      'auto',
      3,
      'resposta automática|mensagem automática|(?:esta|isto) é uma (?:resposta|mensagem) automática|gerada automaticamente',
    ],
    [
      'referral',
      3,
      'não sou a pessoa (?:certa|indicada|responsável|mais indicada|adequada)|(?:é|será|seria) a pessoa (?:certa|indicada|responsável|mais indicada|adequada)|(?:entre|entrar) em cont(?:at|act)o com(?! (?:a gente|nós|comigo))|(?:contacte|contate|fale|falar|fala|procure|dirija-se a)(?: com)?(?! (?:comigo|a gente))(?= \\p{Lu}| o | a | meu| minha| nosso| nossa| \\S+@)|(?:encaminhei|reencaminhei|repassei|passei) (?:o )?(?:seu|teu|vosso)? ?(?:e-?mail|mensagem|pedido|contato|contacto)|(?:vou encaminhar|encaminho|reencaminho|repasso)',
    ],
    [
      'referral',
      2,
      '(?:meu|minha|nosso|nossa) (?:colega|responsável|gestor|gestora|diretor|diretora|director|directora|departamento|equipe|equipa)|em cópia|(?:é responsável|cuida|trata) (?:por|de|disso|desse|desta)|já não trabalh|não trabalha mais|deixou a empresa',
    ],
    [
      'not-interested',
      3,
      'não (?:temos|tenho) (?:nenhum )?interesse|sem interesse|não (?:estamos|estou) interessad[oa]s?|não,? obrigad[oa]|não (?:precisamos|necessitamos)|não é para nós|não faz sentido para nós|(?:optamos|decidimos|escolhemos) (?:por |seguir |ir )?(?:com )?(?:outr[oa]|um concorrente)|não vamos (?:avançar|seguir)|não nos interessa|(?:vamos|iremos) (?:seguir|continuar|ficar) com (?:a|o|as|os|nossa|nosso) (?:\\p{L}+ )?(?:atual|atuais|que (?:já )?temos)|já (?:escolhemos|contratamos|optamos por) (?:outr[oa]|um concorrente)|não (?:vemos|vejo) (?:valor|utilidade|necessidade)|não é algo que (?:nos interess|precis|procur|queir)\\p{L}*',
      null,
    ],
    ['not-interested', 3, 'não (?:temos|tenho) (?:\\p{L}+ )?(?:necessidade|interesse)', null],
    [
      'not-now',
      3,
      '(?:agora|no momento|neste momento|por enquanto|por agora|de momento|atualmente|actualmente),? não|não é (?:o |um )?(?:bom |melhor )?momento|mais (?:para a )?frente|mais tarde|(?:volte|volta|voltar) a (?:me )?(?:contactar|contatar|procurar|falar)|(?:entre|entrar) em cont(?:at|act)o (?:novamente |de novo )?(?:em|no|na|depois|daqui)|(?:no )?próximo ano|ano que vem|próximo trimestre|(?:depois|após) (?:do|o) verão|daqui a (?:alguns|uns|dois|três|seis) meses|orçamento (?:já )?(?:fechado|definido|esgotado)',
      null,
    ],
    [
      'objection',
      3,
      '(?:muito|demasiado) caro|achei caro|(?:fica|está|é) acima do|o problema é|caro demais|(?:preço|custo|valor)s? (?:é |são |está )?(?:muito |demasiado )?(?:alt[oa]s?|elevad[oa]s?)|fora do (?:nosso )?orçamento|não (?:temos|há) orçamento|já (?:usamos|utilizamos|temos|trabalhamos com|contamos com)|satisfeitos com|contrato (?:vigente|em vigor|até)|solução (?:interna|própria)',
      null,
    ],
    [
      'objection',
      2,
      'lgpd|jurídico|dpo|(?:me|nos) preocupa|preocupação|não tenho certeza|não (?:estou|estamos) convencid|não (?:vemos|vejo) (?:o )?valor|qual (?:é )?a diferença',
      null,
    ],
    [
      'objection',
      2,
      'segurança (?:da informação|dos dados)|hospedad[oa]s? (?:no|fora|em)|(?:já )?(?:testamos|experimentamos) (?:algo|uma|um)|não funcionou|somos (?:pequenos|uma empresa pequena)|(?:o )?ti (?:não|exige)|política (?:interna|de compras)|não (?:vemos|vejo) (?:a )?(?:necessidade|vantagem)|satisfeitos',
      null,
    ],
    [
      'positive',
      3,
      `(?:tenho|temos) (?:muito )?interesse|fica bom|(?:pode|podes) (?:me )?(?:mandar|enviar) (?:o|um) convite|(?:estou|estamos) (?:muito )?interessad[oa]s?|(?:parece|me parece) (?:bom|interessante|ótimo|óptimo)|vamos (?:conversar|falar|marcar|agendar)|podemos (?:conversar|falar|marcar|agendar)|marcar uma (?:reunião|conversa|chamada|call|demo)|agendar uma|(?:me )?ligue|pode me ligar|(?:envie|mande)(?:-me)? (?:um )?convite|com (?:todo o )?prazer|adoraria|gostaria de (?:saber mais|conversar|ver|falar|agendar)|(?:estou|estamos) disponíve(?:l|is)|${DIA}(?: \\p{L}+){0,3} (?:funciona|está bom|é bom|serve)`,
      'not-interested',
    ],
    [
      'neutral',
      2,
      'mais informações|(?:envie|mande|envia)(?:-me|-nos)? (?:mais )?(?:informações|detalhes|materiais|uma apresentação|preços)|quanto custa|qual (?:é )?o (?:preço|valor|custo)|vou (?:analisar|dar uma olhada|ver|verificar|discutir|avaliar)|(?:retorno|respondo) (?:em breve|assim que)|obrigad[oa] pelo (?:e-?mail|contato|contacto|mensagem)|recebido',
    ],
    [
      'departure',
      3,
      'já não (?:trabalh\\p{L}*|faço parte|faz parte|estou)|não (?:trabalho|trabalha|faço parte|faz parte) mais|deixou a empresa|(?:saí|saiu) da (?:empresa|\\p{Lu}\\p{L}+)|me aposentei|(?:estou|está) aposentad[oa]',
    ],
    [
      'positive',
      3,
      '(?:dá|da) (?:para|pra) (?:mim|nós|nos)|(?:funciona|serve) (?:para|pra) (?:mim|nós)|gostar(?:íamos|ia) de (?:fazer|ter|testar|experimentar|ver|agendar|marcar|avançar)|(?:veio|vem|chegou) em boa hora|ver uma demo(?:nstração)?',
      'not-interested',
    ],
    [
      'not-now',
      3,
      '(?:me |nos )?(?:escreve|escreva|procura|procure|chama|chame|liga|ligue|contacta|contacte|contata|contate)(?:-me|-nos)? (?:em|no|na|depois|daqui|mais|a partir|para o|lá)',
      null,
    ],
    [
      'out-of-office',
      3,
      '(?:estou|tô|to|estarei|vou estar|ando) (?:\\p{L}+ ){0,2}(?:viajando|em viagem|de viagem|doente|de férias|de folga|de licença|afastad[oa])',
    ],
    [
      'objection',
      3,
      'orçamento (?:está |já )?congelado|dados (?:têm|tem|precisam|devem) (?:de |que )?(?:ficar|permanecer|estar)',
      null,
    ],
    [
      'objection',
      2,
      '(?:somos|sou) (?:só|apenas|somente) (?:\\p{L}+ )?(?:duas|dois|três|\\d+) pessoas|é demais para nós',
      null,
    ],
  ],
};
