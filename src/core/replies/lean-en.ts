// English words that lean towards a kind when no cue decides (see lean.ts for the row format).
// Chosen by what a situation is made of, not by sentences: a price objection talks of cost and
// budgets, a security one of hosting, policies and audits, a fit one of size and effort; an absence
// of trips, leave and being offline; a removal of lists, addresses and data.

import type { LeanRow } from './lean.js';

export const LEAN_EN: readonly LeanRow[] = [
  // objection: money
  [
    'objection',
    2,
    'expensive pricey costly overpriced steep afford* unaffordable cheaper frozen freeze capped cutbacks ' +
      'justify* roi payback adds_up third_of half_of twice_the',
  ],
  ['objection', 1, 'budget* cost* price* pricing fee fees spend* subscription* expense* per_user per_seat'],
  // objection: security, legal, procurement, policy
  [
    'objection',
    2,
    'procurement tender* rfp baa hipaa compliance complian* dpa dpia soc2 soc_2 iso_27001 iso27001 security ' +
      'pen_test pentest penetration governance policy policies on-prem* on-premise* premises hosting ' +
      'hosted residency sso saml encryption approved_list approved_supplier* vetting due_diligence ' +
      'information_governance works_council auditors',
  ],
  ['objection', 1, 'legal lawyer* gdpr privacy approval* approv* sign-off signoff sign_off audit* cloud'],
  // objection: an incumbent, a contract, something built already
  [
    'objection',
    2,
    'contract* incumbent locked in-house inhouse exit_fees tied_into tied_in committed_to already_pay* ' +
      'already_use* already_have already_got built_our built_it',
  ],
  [
    'objection',
    1,
    'existing already accountant* accountancy bookkeep* consultant* outsourc* excel spreadsheet*',
  ],
  // objection: doubt, past failures, effort, size
  [
    'objection',
    2,
    'skeptic* sceptic* doubt* wary worr* concern* hesitan* reluctan* burnt burned disaster* nightmare* ' +
      'overkill sledgehammer tiny stretched buy-in mandate* mandated head_office headquarters ' +
      'trustees hard_sell tough_ask big_lift puts_me_off put_off never_got_past trusted nobody_used ' +
      'change_management learning_curve data_quality falls_over fall_over',
  ],
  [
    'objection',
    1,
    'tried failed fail* risk* trust* small capacity resources headcount complex* complicat* ' +
      'implementation implement* onboarding migrat* integrat* connector* compatib* adoption attached ' +
      'effort overhead board parent group_it difficult* tough struggl* duplicat* overlap* redundan* ' +
      'convinc* issue* problem* blocker* hurdle* obstacle* requirement* require* gap worth_it bust ' +
      'disappear* customised customized works_fine works_well last_time flagged',
  ],
  // out-of-office: being away, and what a hand-typed notice says about it
  [
    'out-of-office',
    2,
    'vacation* vacay holiday* pto travel* trip abroad overseas conference* offsite off-site summit expo ' +
      'tradeshow sick ill flu surgery hospital* funeral wedding honeymoon skiing backpacking camping ' +
      'offline unreachable unavailable jury sabbatical maternity paternity parental bereavement reopen* ' +
      'intermittent connectivity signal wifi wi-fi sporadic* dipping away leave_of on_leave off_work ' +
      'out_of_office out_of_the_office annual_leave time_off day_off days_off limited_access ' +
      'closed_for closed_until',
  ],
  [
    'out-of-office',
    1,
    'back return* leave course training workshop delayed closed remote* remotely plane flight airport ' +
      'site phone evenings laptop',
  ],
  // unsubscribe: lists, addresses, data, and asking for them to go
  [
    'unsubscribe',
    2,
    'remove* removal unsubscrib* unsub opt-out optout opt_out delete* erase* erasure spam* consent ' +
      'cease mailing newsletter* personal_data my_data my_details my_address this_address my_email ' +
      'emailing mailing_it mailing_me marketing_emails',
    'drop',
  ],
  ['unsubscribe', 1, 'list lists database crm records details address addresses inbox marketing quit'],
  // not-now: timing
  [
    'not-now',
    2,
    'later timing reorg* restructur* cutover hectic chaos* chaotic year-end revisit* reconnect* ' +
      'postpone* defer* park* pause* next_quarter next_year new_year not_yet in_the_seat in_the_middle ' +
      'calm* settle* dust_settles',
  ],
  [
    'not-now',
    1,
    'busy quarter season yet moment early months weeks until hold once when_things moving_offices ' +
      'january february march april june july august september october november december',
  ],
  // not-interested: a decision made, or no need
  [
    'not-interested',
    2,
    'decline* chose chosen competitor* went_with gone_with decided_to winding shutting closing_down ' +
      'irrelevant pointless no_point a_miss no_need zero_need no_use not_buying different_way thanks_anyway ' +
      'good_luck best_of_luck no_new_tools no_new_vendors nothing_to_discuss ' +
      'different_direction stick_with staying_with keep_doing not_broken',
  ],
  ['not-interested', 1, 'alternative another selected decided answer'],
  // positive: meeting, seeing, trying (negated: leaning the other way)
  [
    'positive',
    2,
    'demo* slot* invite* invitation calendar diary schedul* book* booking availability trial* pilot* ' +
      'keen interest* walkthrough next_steps zoom yes yep yeah 30_mins 20_minutes 15_minutes',
  ],
  [
    'positive',
    1,
    'call meet* chat* available free proposal* quote conversation sure absolutely definitely perfect ' +
      'love glad tomorrow monday tuesday wednesday thursday friday am pm teams buying started',
  ],
];
