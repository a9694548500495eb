// Invented Spanish and Portuguese replies of every kind, written apart from the corpus.
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
  ['es', 'positive', 'Me interesa, ¿podemos hablar el jueves?'],
  ['es', 'positive', 'Sí, agendemos una llamada la próxima semana.'],
  ['es', 'positive', 'Perfecto, envíeme una invitación para el martes.'],
  ['es', 'neutral', '¿Cuánto cuesta?'],
  ['es', 'neutral', '¿Quién es usted?'],
  ['es', 'neutral', 'Recibido, gracias.'],
  ['es', 'objection', 'Es demasiado caro para nosotros.'],
  ['es', 'objection', 'Ya trabajamos con otro proveedor y estamos contentos.'],
  ['es', 'objection', 'No tenemos presupuesto ahora mismo.'],
  ['es', 'not-now', 'Ahora mismo no, escríbame después del verano.', '2026-09-01'],
  ['es', 'not-now', 'No es buen momento. Hablemos el próximo trimestre.', '2026-04-01'],
  ['es', 'not-interested', 'No nos interesa, gracias.'],
  ['es', 'not-interested', 'Hemos elegido otra solución.'],
  ['es', 'referral', 'No soy la persona indicada. Contacte con Ana García (ana.garcia@acme.example).'],
  ['es', 'unsubscribe', 'Por favor, denme de baja de su lista.'],
  ['es', 'unsubscribe', 'No me envíen más correos.'],
  ['es', 'out-of-office', 'Estoy de vacaciones hasta el 16 de marzo.', '2026-03-16'],
  ['pt', 'positive', 'Tenho interesse, podemos conversar na quinta?'],
  ['pt', 'positive', 'Sim, vamos marcar uma call na próxima semana.'],
  ['pt', 'positive', 'Ótimo, pode me mandar um convite.'],
  ['pt', 'neutral', 'Quanto custa?'],
  ['pt', 'neutral', 'Quem é você?'],
  ['pt', 'neutral', 'Recebido, obrigado.'],
  ['pt', 'objection', 'Está muito caro para nós.'],
  ['pt', 'objection', 'Já usamos o Power BI.'],
  ['pt', 'objection', 'Não temos orçamento no momento.'],
  ['pt', 'not-now', 'Agora não, me procure depois do verão.', '2026-09-01'],
  ['pt', 'not-now', 'No momento não é prioridade, fale comigo no próximo trimestre.', '2026-04-01'],
  ['pt', 'not-interested', 'Não temos interesse, obrigado.'],
  ['pt', 'not-interested', 'Optamos por outra solução.'],
  ['pt', 'referral', 'Não sou a pessoa certa. Fale com a Ana Souza (ana.souza@acme.example).'],
  ['pt', 'unsubscribe', 'Por favor, me remova da sua lista.'],
  ['pt', 'unsubscribe', 'Não quero mais receber e-mails.'],
  ['pt', 'out-of-office', 'Estou de férias até 16 de março.', '2026-03-16'],
  [
    'es',
    'out-of-office',
    'Gracias por su mensaje. Estaré fuera de la oficina hasta el lunes 16 de marzo, con acceso limitado al correo.',
    '2026-03-16',
    { subject: 'Respuesta automática: x', headers: { 'auto-submitted': 'auto-replied' } },
  ],
  [
    'es',
    'out-of-office',
    'Me encuentro de vacaciones del 9 al 20 de marzo, ambos inclusive. Volveré el lunes 23.',
    '2026-03-23',
    { subject: 'Fuera de la oficina' },
  ],
  [
    'es',
    'out-of-office',
    'Estoy de viaje hasta el 13/03 inclusive.',
    '2026-03-14',
    {
      subject: 'Respuesta automática',
      headers: { 'auto-submitted': 'auto-replied' },
      zone: 'America/Mexico_City',
    },
  ],
  [
    'pt',
    'out-of-office',
    'Obrigado pelo seu e-mail. Estarei ausente até 20 de março, inclusive, com acesso limitado ao e-mail.',
    '2026-03-21',
    { subject: 'Resposta automática: x', headers: { 'auto-submitted': 'auto-replied' } },
  ],
  [
    'pt',
    'out-of-office',
    'Estou de férias e regresso no dia 23 de março.',
    '2026-03-23',
    { subject: 'Ausente', zone: 'Europe/Lisbon' },
  ],
  [
    'pt',
    'out-of-office',
    'Estarei fora do escritório de 09/03 a 20/03. Retorno em 23/03.',
    '2026-03-23',
    {
      subject: 'Resposta automática',
      headers: { 'auto-submitted': 'auto-replied' },
      zone: 'America/Sao_Paulo',
    },
  ],
  ['es', 'not-now', 'Ahora estamos con el cierre anual. Contácteme en dos meses.', '2026-05-10'],
  ['pt', 'not-now', 'Agora não é um bom momento. Volte a falar comigo daqui a três meses.', '2026-06-10'],
  ['es', 'unsubscribe', 'Quiero darme de baja de esta lista.'],
  ['pt', 'unsubscribe', 'Descadastrar, por favor.'],
  ['es', 'objection', 'Nuestros datos tienen que estar alojados en la UE. ¿Es posible?'],
  ['pt', 'objection', 'O preço está acima do nosso orçamento.'],
  ['es', 'positive', 'Claro, hablemos. ¿Le viene bien el martes a las 10?'],
  ['pt', 'positive', 'Claro, vamos conversar. Terça às 10h funciona?'],
  ['es', 'not-interested', 'Gracias, pero no es para nosotros.'],
  ['pt', 'not-interested', 'Obrigado, mas não é para nós.'],
  ['es', 'referral', 'Le paso el contacto de Marta Ruiz, que lleva finanzas: marta.ruiz@acme.example'],
  ['pt', 'referral', 'Quem trata disso é a Carla Dias: carla.dias@acme.example'],
  [
    'es',
    'positive',
    'Me parece interesante. ¿Cuándo podríamos hacer una llamada?',
    undefined,
    { zone: 'Europe/Paris' },
  ],
  [
    'es',
    'positive',
    'Sí, envíeme una invitación para el jueves a las 11.',
    undefined,
    { zone: 'Europe/Paris' },
  ],
  ['es', 'neutral', '¿De qué empresa me escribe?', undefined, { zone: 'Europe/Paris' }],
  [
    'es',
    'objection',
    'Ya tenemos una herramienta para eso y funciona bien.',
    undefined,
    { zone: 'Europe/Paris' },
  ],
  [
    'es',
    'not-now',
    'En este momento no podemos. Vuelva a escribirme en septiembre.',
    '2026-09-01',
    { zone: 'Europe/Paris' },
  ],
  [
    'es',
    'not-interested',
    'No estamos interesados en este momento ni en el futuro.',
    undefined,
    { zone: 'Europe/Paris' },
  ],
  [
    'es',
    'referral',
    'Mejor hable con mi compañero Luis Ortega: luis.ortega@acme.example',
    undefined,
    { zone: 'Europe/Paris' },
  ],
  [
    'es',
    'unsubscribe',
    'Por favor, eliminen mi correo de su base de datos.',
    undefined,
    { zone: 'Europe/Paris' },
  ],
  ['pt', 'positive', 'Parece interessante. Quando podemos falar?', undefined, { zone: 'Europe/Paris' }],
  [
    'pt',
    'positive',
    'Pode agendar uma reunião para quinta-feira à tarde.',
    undefined,
    { zone: 'Europe/Paris' },
  ],
  ['pt', 'neutral', 'Do que se trata?', undefined, { zone: 'Europe/Paris' }],
  [
    'pt',
    'objection',
    'Já temos um sistema de relatórios e estamos satisfeitos.',
    undefined,
    { zone: 'Europe/Paris' },
  ],
  [
    'pt',
    'not-now',
    'Neste momento não dá. Me procure no próximo trimestre.',
    '2026-04-01',
    { zone: 'Europe/Paris' },
  ],
  ['pt', 'not-interested', 'Não temos necessidade disso, obrigado.', undefined, { zone: 'Europe/Paris' }],
  [
    'pt',
    'referral',
    'Quem cuida disso é o nosso controller, Paulo Lima (paulo.lima@acme.example).',
    undefined,
    { zone: 'Europe/Paris' },
  ],
  ['pt', 'unsubscribe', 'Favor remover meu e-mail da lista.', undefined, { zone: 'Europe/Paris' }],
  ['es', 'out-of-office', 'Estoy de vacaciones. Regreso el lunes 16.', '2026-03-16'],
  [
    'es',
    'out-of-office',
    'Me encuentro fuera de la oficina hasta el viernes 13 de marzo incluido.',
    '2026-03-14',
  ],
  ['es', 'out-of-office', 'Estaré ausente hasta el 20/03.', '2026-03-20'],
  ['pt', 'out-of-office', 'Estou de licença, volto dia 16.', '2026-03-16'],
  ['pt', 'out-of-office', 'Estarei ausente até sexta-feira, 13 de março.', '2026-03-13'],
  ['pt', 'out-of-office', 'Encontro-me de férias até dia 20 de março, inclusive.', '2026-03-21'],
];

describe('classifyReply in Spanish and Portuguese', () => {
  it.each(CASES)('%s %s: %s', (_language, kind, text, until, extra) => check(kind, text, until, extra));
});
