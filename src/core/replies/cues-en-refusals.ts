// English cue phrases of refusals: a clear no (not-interested) and a "not now" (see cues.ts for the
// row format and the weights).

import type { CueRow } from './cues.js';
import { COMPANY } from './cues-en-answers.js';

export const EN_REFUSALS: readonly CueRow[] = [
  // not-interested: a clear no
  [
    'not-interested',
    3,
    "(?:will not|won't|aren't|are not|not going to) (?:be )?(?:buying|purchasing|investing in|signing|adopting|switching|changing)|no (?:further|more) follow-?ups? (?:needed|required|necessary)|(?:decided|chose|opted|elected) not to (?:proceed|go ahead|move forward|pursue|buy|continue|go further)",
    null,
  ],
  [
    'not-interested',
    2,
    '(?:reporting|it|this|that|everything) is (?:already )?(?:handled|covered|sorted|taken care of)',
    null,
  ],
  [
    'not-interested',
    3,
    `(?:won't|will not|not) (?:be )?going ahead|not in the market|not (?:re-?opening|revisiting) (?:that|this|it)|(?:chose|chosen|selected|picked) ${COMPANY}`,
    null,
  ],
  [
    'not-interested',
    3,
    "all set (?:on|with|for)|not going to (?:move forward|proceed|pursue|buy|go ahead|change|switch)|(?:we'll|we will|i'll|i will|going to|gonna|we're going to|prefer to|rather) (?:stick|stay) with",
    null,
  ],
  [
    'not-interested',
    3,
    "not something (?:we|i)(?:'d| would| will)? (?:ever )?consider|no (?:plans?|intention) (?:to|of) (?:change|changing|switch|switching|replace|replacing|buy|buying|add|adding|look|looking|move|moving)",
    null,
  ],
  [
    'not-interested',
    3,
    'not (?:really |currently |at all |remotely |even )?interested|no (?:real )?interest|not of interest|no one (?:here )?is interested|nobody (?:here )?is interested',
    null,
  ],
  ['not-interested', 3, '(?:un|dis)interested', 'positive'],
  [
    'not-interested',
    3,
    "(?:we'll|we will|i'll|i will|going to|gonna|have to|i'd|we'd|must|will|'ll) pass(?! (?:it|this|that|these|them|your|along)\\b| on (?:to|internally))|hard pass|(?<=^|[.!?] )pass(?=[.!]|$)|no,? thank(?:s| you)|thanks,? but no|(?:the|my|our) answer is no|(?:it's|this is|that's|it is) a (?:hard |firm )?no|a no (?:from|for) (?:me|us)|^\\s*(?:no|nope|nah|no thanks)[.!]*\\s*$|^\\s*no[.!,]+ ?(?:thanks|thank you)[.!]*\\s*$|\\bnope\\b",
    null,
  ],
  [
    'not-interested',
    3,
    "(?:isn't|is not|aren't|are not|not) something (?:we|i)(?:'d| would| really| actually)? ?(?:\\p{L}+ )?(?:use|need|want|do|pursue)|not (?:a (?:good |great |right )?fit|for us|looking (?:for|at) (?:a|an|any|new|this)|relevant (?:for|to) us|something (?:we|i)(?:'d| would)? ?(?:use|need|want)|something (?:we|i)(?:'re| are) (?:looking|interested)|(?:currently )?looking to (?:change|switch|replace|buy|add))|(?:we|i) (?:don't|do not|won't|will not) (?:need|require|want) (?:this|it|that|your|any|such|one|a meeting|a call)|didn't ask for|no (?:need|requirement|use) for (?:this|it|that|your)|(?:don't|do not) have (?:the|that|this|a|any) (?:problem|need|use case)",
    null,
  ],
  [
    'not-interested',
    3,
    `(?:we've|we have|i've|i have|we|i)(?: just| actually| already| recently)? (?:gone|went|go|going|decided to go|chose|chosen|selected|picked|opted for|signed|signed up|committed|standardi[sz]ed) (?:with|for|on) (?:a competitor|another|someone else|a different|${COMPANY})|(?:went|gone|chose|chosen|selected|picked|opted for|signed up|decided to go) (?:with|for) (?:a competitor|another (?:vendor|provider|tool|solution)|someone else|${COMPANY})|(?:signed|renewed|extended) (?:a |an |our |the )?(?:\\p{L}+[- ]?(?:year|month) )?(?:agreement|contract|deal|subscription|licen[cs]e) with|just renewed|decided to build|(?:build|building) (?:it|this|our own) (?:ourselves|in-house)|(?:we've|we have) (?:decided|chosen) (?:to go with|against|not to|to stay)`,
    null,
  ],
  [
    'not-interested',
    3,
    "no intention of (?:changing|switching|moving|replacing)|won't be (?:making a change|changing|switching|moving forward|pursuing|taking this further|one of them)|will not be (?:taking this further|pursuing|moving forward|making a change)|not (?:be )?(?:moving forward|pursuing|proceeding|taking this further)|(?:close|closing) (?:my|the|our|this|out (?:my|the|our)) file|you can close|(?:please )?stop(?=[.!]|$)|(?:please |you can )?stop (?:following up|chasing|reaching out|the follow-?ups)|(?:don't|do not) (?:chase|follow up)(?! (?:until|before|next|in|after))|save your (?:time|breath)|(?:i'd|i would|we'd) rather not|no thanks|not going to happen",
    null,
  ],
  [
    'not-interested',
    3,
    "(?:no need,? )?(?:we're|we are|i'm|i am) (?:already )?covered|(?:have|got) (?:it|that|this|everything) covered|(?:have to|must|'ll|will|going to|'d|would) (?:politely |respectfully )?decline|(?:politely|respectfully) decline|(?:going|heading|went|moving|gone|go) in a different direction|(?:chosen|selected|picked|chose|went with|gone with|found|hired|signed) (?:another|a different|a competing|an alternative|a new) (?:vendor|provider|tool|solution|supplier|partner|platform|company|option)|not for me",
    null,
  ],
  [
    'not-interested',
    3,
    '(?:already|just|recently) (?:picked|chose|chosen|selected|found|signed|hired|bought|purchased)(?: (?:a|an|another|with|on|up))?(?: \\p{L}+)?(?: (?:vendor|provider|tool|solution|supplier|partner|platform|competitor))?',
    null,
  ],
  [
    'not-interested',
    2,
    "(?:we're|we are|i'm|i am) (?:all set|good|fine)(?: for now| thanks| thank you)?(?=[,.!]|$)|no longer (?:interested|relevant|a priority|needed)|(?:doesn't|does not) make sense for us|not a priority for us",
    null,
  ],
  [
    'not-interested',
    3,
    "(?:thanks|thank you|appreciate (?:it|the \\p{L}+))[^.!?\\n]{0,40}, but no(?=[.!,]|$)|(?:don't|do not) think (?:this|it|that)(?:'s| is| would be) (?:for us|a (?:good )?fit|for me|something (?:we|i))|(?:give|giving) (?:it|this) a miss|(?:we're|we are|i'm|i am) not buying|the answer (?:is still|hasn't changed|has not changed|remains|is the same)",
    null,
  ],
  // not-interested: a no in the writer's own words ("sit this one out", "not something we'd buy")
  [
    'not-interested',
    3,
    "sit (?:this|it) (?:one )?out|(?:have to|must|going to|gonna|'ll|will|'m|am|are) (?:have to )?say(?:ing)? no|(?:will|shall|would) not proceed|(?:won't|wouldn't|not) proceed(?:ing)?(?! (?:until|before|this|next|in|for now|at))|(?:decided|said|agreed|concluded) (?:that )?(?:it|this|that|you) (?:wasn't|was not|isn't|is not|weren't) (?:really )?(?:for us|a fit|right for us|for me)|(?:wasn't|isn't|was not|is not) (?:really )?for us|(?:zero|no) (?:appetite|interest|desire) (?:here |internally |on our side )?(?:for|in)|zero (?:interest|need|appetite)|nothing to discuss|awarded (?:it|the (?:contract|tender|work)) to",
    null,
  ],
  [
    'not-interested',
    3,
    "(?:doesn't|does not|wouldn't|would not|won't|will not) (?:really )?(?:solve|fix|address) (?:a|any) (?:problem|pain|need|issue)|(?:a|the) problem we (?:don't|do not) (?:have|really have)|(?:can't|cannot|can not|don't|do not) (?:really )?(?:see|imagine) (?:us|ourselves|myself|me|the team|it) (?:ever )?(?:using|needing|buying|switching|adopting|changing|moving|signing|being (?:a|useful|relevant))(?=(?: (?:this|it|that|such|any|anything|one|something|northwind|your|a tool|another))?(?:[.!,]|$| (?:for|at|in|any|ever)))|not something (?:we|i)(?:'d| would| will| are| 're)? ?(?:ever |really )?(?:buy|spend|pay|invest|look|go|sign|put)|(?:we|i) (?:don't|do not) need (?:help|anything|any help|a tool|another|more|new|outside)|(?:don't|do not) expect (?:that|this|it|anything) to change|(?<=^|[.!?] )not buying|(?:we're|we are|i'm|i am) (?:sticking|staying) with|(?:rather|prefer) you (?:didn't|did not|don't|do not) (?:chase|follow|push|pursue)|(?:and|&) (?:won't|will not|never will) be(?=[.!,]|$)|off the table|(?:won't|will not|isn't going to|never will) become (?:one|a priority)|(?:really |just |simply )?not what (?:we're|we are|i'm|i am|we were) (?:after|looking for)|nothing (?:here |in (?:it|this) )?for you|(?:going to|we'll|we will|gonna|we're|we are|plan to|prefer to|'d rather) keep(?:ing)? (?:our|the) (?:current|existing|present) (?:setup|set-up|tool|tools|system|process|provider|vendor|solution|stack)|not (?:[\\p{L}']+ ){0,4}tak(?:e|ing) (?:it |this )?(?:forward|further)|none of them (?:were|was|are) (?:worth|right|a fit|for us)|(?:no need|don't need|do not need|needn't) (?:for you )?to (?:follow up|chase|reach out|write|get back)",
    null,
  ],
  // not-now: the reason is timing
  [
    'not-now',
    3,
    '(?<!for )(?:following|reaching|getting|checking|circling|touching|coming) (?:up|out|back|base)(?: with me| to me| on this| about this)? (?:again )?(?:in(?! the meantime)|after|next|later|around|early|towards|closer|at the|once|when|sometime|mid|by|before)',
  ],
  ['not-now', 2, 'mid-?way through|half-?way through', null],
  [
    'not-now',
    3,
    "(?:would be|will be|is|be) (?:a )?(?:much |far |lot )?better (?:time|moment|timing)|(?:worth|give me|drop me|send me) a (?:shout|line|note|try|call|nudge) (?:then|at that point|after that)|(?:pick (?:it|this) (?:up|back up)|reconnect|revisit(?: it| this)?) (?:again )?then(?=[.!,]|$)|budget(?: [\\p{L}'’]+){0,6} (?:opens? up|frees? up|resets?|comes? through|becomes? available|is available)(?: again)? (?:after|in|from|at|next|once|when)",
    null,
  ],
  [
    'not-now',
    3,
    '(?:follow up|check back|check in|reach out|circle back|get back to me|ping me|contact me|touch base|try me|come back to me)(?: with me| on this| again)? (?:the|in the|during the|on the) week (?:of|after)|(?:follow up|check back|check in|reach out|circle back|ping me|contact me|touch base|try me|come back to me)(?: with me| on this| again)? (?:in|during|after) (?:week|wk|calendar week) \\d',
  ],
  [
    'not-now',
    3,
    'not (?:until|before|till) (?:q[1-4]|next|the (?:new year|end|summer|fall|autumn|spring)|january|february|march|april|may|june|july|august|september|october|november|december|\\d+)',
    null,
  ],
  [
    'not-now',
    3,
    "(?:won't|will not|can't|cannot|not) (?:be )?(?:looking|ready|able|in a position|revisiting)(?: \\p{L}+){0,4} (?:before|until|till) (?:next|the|\\d|january|february|march|april|may|june|july|august|september|october|november|december|q[1-4])",
    null,
  ],
  [
    'not-now',
    3,
    "not (?:right )?now|not at (?:this|the) (?:moment|time|point|stage)|not (?:at )?(?:the |a )?(?:right|best|ideal|good|great) (?:time|timing|moment)|(?:bad|poor|tough|terrible|wrong|awkward) timing|timing (?:isn't|is not|is off|is wrong|is bad|doesn't work|does not work)|it'?s (?:the |just )?timing|(?<=^|[.!?] )timing[,.]|not this (?:year|quarter|month)|not yet|(?:maybe|perhaps|possibly|potentially|probably) (?:later|next (?:year|quarter|month)|in (?:a|the|\\d)|after|down the|another time|some other time|closer to)",
    null,
  ],
  [
    'not-now',
    3,
    '(?:reach out|get back to me|get in touch|hear from you|come back|circle back|check back|check in|follow up|touch base|reconnect|contact me|try me|try again|ping me|revisit|talk|chat|connect|drop me a (?:line|note)|write to me|email me|e-mail me|hit me up|loop back|pick (?:this|it) (?:up|back up)|catch up|give me a (?:call|shout))(?: (?:to|with) (?:me|us)| on (?:this|it)| about (?:this|it)| this| it| back)? (?:again )?(?:in(?! the meantime)|after|next (?:year|quarter|month|fall|spring|summer|autumn)|later|around|early|towards|closer|at the (?:start|beginning|end)|once|when|sometime|some time|again then|that week|mid|by|before|come)|(?:reach out|get back to me|contact me|try me|ping me|email me|check back|circle back|follow up) (?:again )?then|(?:try|ask|ping|email|e-mail|contact|call) (?:me|us) again',
  ],
  [
    'not-now',
    3,
    '(?:park|parking|pause|shelve|table) (?:it|this)|on (?:hold|ice|the back burner)|down the (?:road|line)|(?:keep|stay) in touch|keep me (?:posted|in mind)|keep (?:the|this) (?:conversation|door|line|dialogue) open|(?:put|pencil) (?:me|us) (?:down )?for|(?:busy|tax|audit|peak|harvest|budget|planning|reporting|year-end|year end) season|short (?:\\p{L}+|\\d+) (?:people|staff|heads)|(?:any|no) headspace|(?:once|when|after) (?:the|our|we|things|this|that) (?:[\\p{L}-]+ ){0,4}(?:settles?|closes?|done|finish(?:es)?|completes?|is over|are over|calms? down|wraps? up|goes live|go live|lands?|is through|are through|ends?|hire|hired|have hired)',
    null,
  ],
  [
    'not-now',
    3,
    "(?:frozen|freeze|on hold|contract|budget|locked|tied|renewed|renewal|committed)(?: [\\p{L}'’]+){0,5} (?:until|till|through|ends?|runs? out|expires?|renews?|is up|comes up|up for renewal)(?: [\\p{L}'’]+){0,3} (?:\\d+|january|february|march|april|may|june|july|august|september|october|november|december|q[1-4]|next|the end|summer|spring|fall|autumn|then)",
    null,
  ],
  ['not-now', 1, 'right now', null],
  [
    'not-now',
    2,
    "(?:later|early|end of|sometime|some time) (?:this|next|in the) (?:year|quarter)|in the middle of|in (?:a few|a couple of|several|few|two|three|six|\\d+) (?:weeks|months)|(?:six|three|two|\\d+) months from now|after the (?:summer|holidays|new year|audit|year-end|year end|busy season|migration)|next (?:quarter|fiscal|month)|in q[1-4]|(?:other|different|competing) priorities|keep me on (?:your|the) list|for now|at this point|(?:i'll|we'll) be in touch|(?:too|very|extremely|really|super|quite) (?:busy|slammed|swamped)|slammed|swamped|bandwidth|until (?:the end of |after )?(?:the year|next year|january|february|march|april|may|june|july|august|september|october|november|december|q[1-4]|next quarter|the summer)",
    null,
  ],
  [
    'not-now',
    3,
    "not ready(?: yet| for (?:this|that|it))?|(?:a bit|too|rather|still|bit) early (?:for us|in the year|days)|(?:nothing|not)(?: \\p{L}+){0,3} (?:until|till|before) (?:they|we|the|our|it|things|he|she)(?:'re|'s| are| is| have| has)? (?:\\p{L}+ ){0,3}(?:in the seat|in post|in place|on board|hired|settled|done|over|finished|live)|(?<!(?:had|been) a )(?:bad|busy|tough|difficult|hectic) (?:time|moment|period)(?! with| for you)|(?:moving|relocating) offices|office move",
    null,
  ],
];
