// English cue phrases of the answers a person writes: a concern (objection), interest (positive),
// a question or an acknowledgement (neutral). See cues.ts for the row format and the weights.

import type { CueRow } from './cues.js';

const DAY =
  '(?:monday|tuesday|wednesday|thursday|friday|mon|tue|tues|wed|weds|thu|thur|thurs|fri|tomorrow|next week|(?:the )?same day|(?:that|this) (?:morning|afternoon)|noon|any ?time|\\d{1,2}(?:[:.]\\d{2})? ?(?:am|pm)|\\d{1,2}(?:[:.]\\d{2})? ?(?:et|ct|pt|mt|gmt|cet|bst|uk time))';
const WE = "(?:we|we're|we are|we've|we have|i|i'm|i am|i've|i have|our (?:team|company|group|firm))";
const YES =
  '(?:yes|yeah|yep|yup|sure|absolutely|definitely|of course|ok|okay|great|perfect|sounds good|go ahead|why not)';
const SEND = '(?:send|sending|share|shoot|forward|email|mail|pass)';
const STUFF =
  '(?:info|information|details|material|materials|deck|slides|brochure|case stud(?:y|ies)|one-?pager|pricing(?: sheet)?|price list|prices|quote|documentation|references|examples|overview|summary|video|demo video|something in writing|proposal|security pack|sample)';
export const COMPANY = "(?:\\p{Lu}[\\p{L}&'-]+(?: \\p{Lu}[\\p{L}&'-]+){0,2})";

export const EN_ANSWERS: readonly CueRow[] = [
  [
    'objection',
    3,
    '(?:done|handled|produced|prepared|covered|run) by (?:our|an|the) (?:external |outside )?(?:accountants?|bookkeepers?|consultants?|agency|partner|auditors?|parent company|head office)|(?:pay|paying) (?:for it )?twice|franchise|(?:each|every) (?:location|site|branch|entity|store) (?:runs|has|does|keeps)|decentrali[sz]ed',
    null,
  ],
  [
    'objection',
    2,
    "not sure (?:a|an|the) |(?:we'd|we would|would) need (?:it|this|you) to (?:support|handle|integrate|work|connect|do)|(?:which|that) most (?:tools|vendors|products) (?:don't|can't|do not)|(?:must|has to|needs to) (?:support|handle|integrate|comply)",
    null,
  ],
  [
    'objection',
    1,
    "unfortunately|(?:can't|cannot|couldn't|won't be able to) (?:\\p{L}+ ){0,3}(?:justify|commit|add|take|switch|change|use|get|implement|approve|buy|sign)|not (?:possible|feasible|realistic|practical)|(?:difficult|tricky|challenging|complicated) (?:for us|to|at)|(?:the|a|an|one) (?:big |real |major )?(?:issue|problem|hurdle|obstacle|risk|blocker)|(?:requires?|requirements?|must have|non-negotiable)|(?:is|are|would be) (?:a )?(?:problem|issue|dealbreaker|deal-breaker|deal breaker)",
  ],
  [
    'objection',
    2,
    "freeze|sign-?off|signed off|approv(?:e|al)|(?:parent|holding|group) company|head office|headquarters|corporate (?:it|policy|mandates?)|(?:controls|dictates|decides|mandates|imposes|chooses|owns) (?:the|our|which|what)|protective of|built for (?:much )?(?:bigger|larger|smaller|enterprise)|(?:bigger|larger) (?:finance )?(?:teams|companies|firms)|(?:\\$|£|€)\\d[\\d,.]*(?:k)?(?: (?:a|per) (?:month|year|seat|user))?|(?:a|per) (?:month|year) (?:is|it's)|see the value|(?:don't|do not) have (?:anyone|anybody|someone|the people|the staff|the team)|no one (?:who|to)|retrain(?:ing)?|clunky|it works",
    null,
  ],
  [
    'objection',
    3,
    "(?:(?:i'm|i am|we're|we are) )?at our (?:scale|size)|more than (?:our|we pay for|the whole|what we)|(?:can't|cannot|couldn't) get (?:this|it|anything) (?:signed|approved|through)",
    null,
  ],
  [
    'objection',
    3,
    "(?:formal |public )?(?:tender|rfp|procurement process|procurement rules|framework agreement)|public sector|(?:why|how) would (?:this|it|yours|you) (?:be )?(?:any )?different|promised the same|clean(?:ing)? up (?:their|the|a) mess|(?:we have|we've got|there's) (?:a|an|our) (?:[\\p{L}-]+ ){0,3}(?:team|person|agency|partner|consultant|accountant) (?:that|who|which) (?:produces|does|handles|builds|runs|prepares|takes care)",
    null,
  ],
  ['objection', 2, 'not sure (?:where|why|anyone)', null],
  [
    'positive',
    3,
    'go for it|next steps?|send (?:me |over )?the (?:proposal|contract|agreement|order form|quote)(?= and| so|[.!]|$)',
    'not-interested',
  ],
  [
    'objection',
    3,
    '(?:seems?|looks?|sounds?|feels?) (?:\\p{L}+ )?(?:expensive|pricey|costly|steep)|(?:expensive|pricey|costly) for what|hard sell|mandates?|mandated|standardi[sz]ed on|(?:company|group|enterprise)-wide|struggle to (?:get|justify|sell|see)',
    null,
  ],
  // objection: a concern that could be worked through
  [
    'objection',
    3,
    "too (?:expensive|pricey|costly|steep|much)|(?:price|pricing|cost|costs|quote|fee|fees|budget|spend)(?:'s| is| are| was) (?:the |a |an |our )?(?:big |major |real |main )?(?:blocker|problem|issue|sticking point|concern|obstacle|hurdle)|(?:price|pricing|cost|costs|quote|fee|fees|rate|rates) (?:is|are|seems?|looks?) (?:too |very |a bit |rather |quite )?(?:high|steep|expensive|much)|(?:out of|over|beyond|above|exceeds?) (?:our|my) (?:budget|price range)|hard to (?:justify|argue)|(?:tight|limited|small|zero) budget|(?<=^|[.!?] )budget[.:!]|non-starter|more than we (?:pay|spend|can)|(?:lower|less) than that|(?:would|will) (?:never )?approve|(?:subscriptions?|spend|spending|purchases?|tools?|budgets?) (?:is|are|has been|have been|'s) (?:\\p{L}+ )?(?:frozen|cut|slashed|on hold|exhausted|spent|gone)|(?:budget|spending|hiring) freeze|it'?s the price|cheaper",
  ],
  [
    'objection',
    3,
    "(?:can't|cannot|could not|couldn't) (?:afford|justify)|no budget|(?:don't|do not) have (?:a |the |any )?budget",
    null,
  ],
  [
    'objection',
    3,
    `${WE} (?:already |currently |still )?(?:use|using|have|pay for|run|running|work with|working with|rely on|licen[cs]e|got) ${COMPANY}|${WE} (?:already|currently) (?:use|using|have|pay|run|work with|got|rely)|(?:we've|we have) (?:already )?got (?:a|an|our)|(?:happy|satisfied|content) with (?:our|the|what we have|them|it|how)|(?:a|an) ${COMPANY} shop|we (?:moved|switched|migrated) to|(?:have|has) a consultant|(?:locked|tied) in(?:to)?|(?:under|in) (?:a )?contract|(?:attached|used|wedded) to (?:them|it|our|excel|spreadsheets)|we use (?:excel|spreadsheets|\\p{Lu}\\p{L}+)|(?:existing|current|incumbent) (?:tool|solution|vendor|provider|system|setup|process)|(?:already|recently) (?:implemented|rolled out|introduced|bought)`,
    null,
  ],
  [
    'objection',
    2,
    "not sure (?:what|how|if|whether|it|this|that|they|we|you)|(?:i'm|i am|we're|we are) (?:skeptical|sceptical|wary|worried|concerned|hesitant|not convinced|doubtful|nervous)|i doubt|(?:my|our) (?:main |real |biggest |only )?(?:concern|worry|hesitation)|the (?:main |real |biggest |only )?(?:concern|worry|issue|problem|challenge) (?:is|was|here)|tried (?:something|a tool|a product|a similar|this|it|one)|(?:was|been) a (?:disaster|nightmare|failure|mess)|put (?:us|me) off|stopped trusting|didn't work (?:for us|out)|every tool like this|convince me|how (?:is|are|would) (?:yours|this|it|that|you|\\p{Lu}\\p{L}+) (?:any )?(?:different|better)|what would (?:you|it|this|\\p{Lu}\\p{L}+) do that|data engineer|(?:isn't|is not|not) realistic|barely keeping up|stretched (?:thin)?|(?:can't|cannot|couldn't) take on|(?:don't|do not) think we can|(?:don't|do not) have (?:the )?(?:time|capacity|bandwidth|resources|people|staff) (?:to|for)",
    null,
  ],
  [
    'objection',
    2,
    "(?:policy|moratorium|rule|ban) (?:against|on)|security (?:review|questionnaire|assessment|requirements?|concerns?|team)|soc ?2|hipaa|iso ?27001|data residency|data processing agreement|\\bdpa\\b|\\bsso\\b|single sign-on|customer-managed keys|where (?:is|would|will) (?:the |our )?data (?:be )?(?:stored|hosted|live)|hosted (?:in|outside)|regulated|(?:procurement|legal|compliance|it) (?:would|will|needs|has|policy|process|approval|won't)|nobody supports|(?:too|very) (?:small|big|early)|at our (?:scale|size)|our size|overkill|(?:don't|do not) see (?:the|much|enough|how|what|room|a need|the need|why)|what (?:this|it) would add|(?:strong|good) reason to (?:change|switch)|(?:wouldn't|won't|doesn't|does not) (?:work|fit) (?:for us|with)|(?:every|each) (?:new )?(?:vendor|tool)|roi",
    null,
  ],
  [
    'objection',
    3,
    "(?:our|an|the|my) (?:external )?(?:accountants?|bookkeepers?|consultants?|agency|partners?|auditors?|outsourced \\p{L}+|msp) (?:already )?(?:handles?|does|do|takes? care|covers?|provides?|produces?|runs?)|(?:sat|sits|went) unused|nobody used|never (?:got )?used|shelfware|didn't stick|(?:data|it) (?:can't|cannot|must not|mustn't|has to|must|needs to) (?:leave|stay|be (?:hosted|stored))|(?:where|how) (?:is|are|would) (?:it|the data|our data|data|your servers?) (?:be )?(?:hosted|stored|located|kept)|not sure (?:the|our|my|anyone|management|leadership)|sign off on|(?:won't|wouldn't|would never|will never) (?:sign off|approve|go for)",
    null,
  ],
  [
    'objection',
    2,
    "worr(?:y|ies|ied)|(?:setup|set-up|implementation|onboarding|migration|integration|switching|training|learning) (?:effort|time|costs?|work|pain|curve|overhead|risk)|learning curve|struggle to see|(?:can't|cannot|don't|do not) (?:really )?see (?:the )?(?:need|value|point|benefit)|already (?:includes?|has|covers?|does|provides?|comes with)|(?:got|been|were) burn(?:ed|t)|similar (?:tool|product|platform|system)|hard to (?:get|sell|approve)|(?:get|be|getting) (?:it |this )?approved|(?:nobody|no one|no-one) (?:to|who could|who can) (?:run|manage|maintain|use|own|administer)|part-time|(?:small|tiny|lean|two-person|one-person) (?:shop|team|business|firm|company|operation|practice)|(?:too|very) (?:busy|stretched|thin) to (?:switch|change|implement|take on|learn|roll out|onboard)",
    null,
  ],
  [
    'objection',
    3,
    "if (?:it|you|they|that|the answer|the price|your \\p{L}+)(?: \\p{L}+){0,2} (?:doesn't|don't|can't|cannot|isn't|aren't|won't|is no|is not)[^.?!\\n]{0,60}(?:no point|non-starter|deal-?breaker|can't|cannot|won't|wouldn't|not (?:interested|worth|going))",
    null,
  ],
  ['objection', 2, 'good luck (?:getting|convincing)|(?:attached|wedded) to (?:the|his|her|their|its)', null],
  // positive: they want to talk, meet, see more, or say yes
  [
    'positive',
    3,
    "(?:sounds|looks|seems) (?:good|great|interesting|promising|useful|relevant|like a (?:good |great )?fit|perfect|compelling)|(?:i'm|i am|we're|we are|still|very|definitely|genuinely|quite) (?:very |definitely |really |quite |certainly |genuinely |still )?(?:interested|keen|curious)|^\\s*interested\\b|interested in (?:learning|hearing|seeing|a|the|your|exploring|talking|chatting|trying|getting|finding)|(?:great|good|perfect|funny|interesting) timing|(?:this is|that's|very|quite|really) timely|(?:i'd|we'd|i would|we would) (?:\\p{L}+ )?be (?:very |really |definitely |quite )?interested|timing (?:is|works) (?:\\p{L}+ )?(?:good|great|perfect|right|better)|definitely a fit|(?:got|caught|has|have) my attention|not a no|not saying no",
    'not-interested',
  ],
  [
    'positive',
    3,
    `let'?s (?:talk|chat|connect|meet|set|schedule|book|do|find|get|speak|hop|jump|have|go)|(?:happy|glad|keen|open|available|free|able) to (?:talk|chat|connect|meet|hop|jump|learn|hear|see|take|discuss|explore|have|add|do|set|book|schedule|look)|(?:would|'d) (?:love|like|be happy|be glad|be keen|be open) to|i would like (?:a|to)|(?:book|schedule|set up|arrange|organi[sz]e|put|get|find|grab) (?:a|some|an|the) (?:call|meeting|demo|time|chat|session|slot|intro|walkthrough)|(?:book|put|grab|find|pop|stick) (?:something|a slot|a time|time|it|one) (?:in|into|on) (?:my|our|her|his|their) (?:calendar|diary|agenda)|take you up on|(?:send|shoot) (?:me |us |over )?(?:a |an |the |some |a few |a couple of |your |\\d+ |(?:two|three|\\d+) or (?:three|four|\\d+) )?(?:calendar )?(?:invite|invitation|times|slots|dates|availability|link)|send you (?:a couple of|some|a few|my) (?:dates|times|slots)|calendly|(?:calendar|booking|scheduling|meeting) link|(?:book|grab|schedule|find|take) (?:\\d+|some|a few|fifteen|thirty|half an hour)(?: \\p{L}+)? (?:minutes|mins|time|hour)|go ahead and (?:book|schedule|send)|(?:booked|grabbed|picked|found) (?:it|a time|a slot|time|for)|see you (?:then|on|next|tomorrow|there|thursday|tuesday|monday|wednesday|friday)`,
    'not-interested',
  ],
  [
    'positive',
    3,
    `(?:how|what) about ${DAY}|(?:does|would|is|could) ${DAY}(?: [\\p{L}\\d:]+){0,3} (?:work|suit|be ok|be okay|be good|be better|do)|(?:can|could|shall) we (?:do|make it|move it|try|schedule|meet|talk|set|push|shift|book|speak|chat)|${DAY}(?: [\\p{L}\\d:]+){0,3} (?:works|would work|is fine|is good|suits|is perfect|is great|it is|then)|works for me|(?:call|ring|phone) me|give me a (?:call|ring)|(?:i'm|i am|we're|we are) (?:free|available) (?:on|at|next|this|tomorrow|monday|tuesday|wednesday|thursday|friday)|${DAY}(?: [\\p{L}\\d:.]+){0,3}\\?|(?:could|can) do ${DAY}|any ?time (?:after|before)`,
    'not-interested',
  ],
  [
    'positive',
    3,
    `count (?:me|us) in|(?:^|[.!] )i'm in(?=[.!]|$)|sign (?:me|us) up|i'll bite|i'm game|let'?s (?:move|go) (?:forward|ahead)|(?:move|moving|go) (?:forward|ahead) with|send (?:over )?the (?:contract|agreement|order form)|^\\s*${YES}[.!]*\\s*$|^\\s*${YES}(?![,.!]* but)(?=[,.!])|(?<=^|[.!?] )${YES}[,.!]* (?:please|pls|let'?s|i'd|we'd|that|happy|go|interested|i'm (?:the|interested|in)|now is|to the|send|this is something)|yes (?:to|please|pls)|(?:show|give) (?:me|us) a (?:demo|walkthrough|trial)|(?:want|like) to (?:try|trial|pilot|see a demo|get started)|looking forward to|(?:been|were|are) looking for (?:something|a solution|a tool|this)|exactly what we need|👍|(?:please )?include (?:our|my)`,
    'not-interested',
  ],
  [
    'positive',
    1,
    "(?:don't|do not) close (?:it|my file|the file)|could be (?:useful|helpful|interesting|a fit)|would be (?:useful|helpful|great)|demo|trial|pilot",
    'not-interested',
  ],
  [
    'positive',
    3,
    "let me know when (?:you're|you are|you'd be) (?:free|available)|when (?:are|would) you (?:be )?(?:free|available)|when (?:can|could|shall) (?:we|you)|(?:put|drop|stick|pop) (?:something|a (?:meeting|call|slot|time|hold)|time|some time) (?:in|on|into) (?:my|the|our) (?:calendar|diary)|(?:would|'d) love (?:a|an|some|the|to)|keen (?:to|on)|(?:sounds|looks|seems) like (?:it|this|you) (?:could|might|would|can) (?:help|work|fit|be)|could (?:really )?help us|worth (?:a|exploring|talking|a look|a chat|a conversation)",
    'not-interested',
  ],
  [
    'positive',
    3,
    "fine by (?:me|us)|(?:good|fine) with me|suits (?:me|us)|that works(?: for (?:me|us))?|(?:i'd|i would|we'd|we would) (?:want|like) (?:my|our) (?:team|cfo|boss|colleagues?|ceo|controller|manager) to see|(?:see|speak|talk to) you then",
    'not-interested',
  ],
  // neutral: questions, information requests, acknowledgements
  [
    'neutral',
    2,
    `${SEND} (?:me |us |over |along )?(?:some |more |any |further |additional |the |your |a |an )?${STUFF}|more (?:info|information|details)|(?:what|how much) (?:does|do|is|are|would) (?:it|this|that|your|the) (?:cost|price|pricing|charge)|(?:what|how) (?:does|do|is|are|would|exactly) (?:it|this|your|you|the)|can you (?:tell|explain|clarify|share|send|elaborate|give)|(?:do|does) (?:you|it) (?:have|offer|support|integrate|work|provide|connect)|who (?:are you|is this|gave you)|what is this (?:about|regarding)|how did you (?:get|find)|the link (?:doesn't|does not|didn't|isn't|is not)`,
  ],
  [
    'neutral',
    2,
    "i'?ll (?:take a look|have a look|look into|review|read|check|think|discuss|share|pass it|pass this|circulate|get back to you|let you know|revert|come back to you|forward)|let me (?:think|check|discuss|talk|run it by|review|look|get back|come back|see)|leave it with me|(?:will|need to|have to|must) (?:discuss|check|consult|review|think)(?: it| this)? (?:with|internally|about)|(?:received|noted|got it)|thanks for (?:reaching out|the (?:info|information|email|e-mail|note|message|details|follow-?up)|following up|getting in touch|your (?:e-?mail|message|note))|pass(?:ed|ing)? (?:it|this) (?:along|on)|someone (?:in|on|from) (?:our|my|the)|(?:our|my) (?:cfo|ceo|controller|finance team|it team|boss|manager) (?:handles|deals|takes care|is responsible|decides|would)",
  ],
];
