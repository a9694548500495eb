// Spanish and Portuguese words that lean towards a kind when no cue decides (see lean.ts for the
// row format and lean-en.ts for how they were chosen).

import type { LeanRow } from './lean.js';

export const LEAN_ES: readonly LeanRow[] = [
  [
    'objection',
    2,
    'caro cara caros costoso congelad* seguridad rgpd lopd alojad* servidor* contrato* matriz ' +
      'auditoría escéptic* duda* dudas preocup* fracaso gestoría asesoría queda_grande encargado_de ' +
      'licitación',
  ],
  [
    'objection',
    1,
    'precio* coste* costo* presupuesto* probamos intentamos contable* pequeñ* margen aprobación ' +
      'compras excel ya funciona_bien',
  ],
  [
    'out-of-office',
    2,
    'vacaciones viaje congreso feria licencia capacitación enfermo enferma ausente cerrad* festiv* ' +
      'cobertura',
  ],
  ['out-of-office', 1, 'fuera vuelta regreso formación curso oficina'],
  ['unsubscribe', 2, 'elimin* borr* suscripción spam permiso', 'drop'],
  ['unsubscribe', 1, 'lista datos dirección correos'],
  ['not-now', 2, 'más_adelante tarde tope calme año_que_viene', 'keep'],
  ['not-now', 1, 'momento trimestre cierre ahora'],
  [
    'not-interested',
    2,
    'elegimos elegido optamos competencia otra_herramienta otro_proveedor seguir_adelante',
  ],
  ['positive', 2, 'demo* invitación agend* hueco interes* sí hablemos avanzar'],
  ['positive', 1, 'reunión llamada disponib* propuesta genial perfecto claro'],
];

export const LEAN_PT: readonly LeanRow[] = [
  [
    'objection',
    2,
    'caro salgad* congelad* segurança lgpd alojad* hospedad* servidor* contrato* plurianual matriz ' +
      'jurídico cético céptico dúvida* preocup* pé_atrás ninguém_usou',
  ],
  [
    'objection',
    1,
    'preço* custo* orçamento* tentamos contabilidade contador* pequen* demais autonomia aprovação ' +
      'compras excel já funciona_bem contabilidade_externa',
  ],
  [
    'out-of-office',
    2,
    'férias viagem viajando folga atestado licença feira congresso treinamento ausente feriado ' + 'afastad*',
  ],
  ['out-of-office', 1, 'fora volto volta regresso retorno formação escritório'],
  ['unsubscribe', 2, 'descadastr* remov* tirem apag* exclu* spam autorizei', 'drop'],
  ['unsubscribe', 1, 'lista dados endereço e-mails'],
  ['not-now', 2, 'tarde para_frente correria acalmar'],
  ['not-now', 1, 'momento trimestre semestre agora'],
  ['not-interested', 2, 'escolhemos optamos outra_ferramenta outro_fornecedor concorrente*'],
  ['positive', 2, 'demonstra* demo convite agend* interesse sim avançar'],
  ['positive', 1, 'reunião chamada marcar disponibil* proposta claro teste conversar'],
];
