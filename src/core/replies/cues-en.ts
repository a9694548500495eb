// English cue phrases of notices and refusals (unsubscribe, out-of-office, automatic text, referral,
// not-interested, not-now), with the answers of cues-en-answers.ts (see cues.ts for the row format).

import type { Lexicon } from './cues.js';
import { COMPANY, EN_ANSWERS } from './cues-en-answers.js';

export const EN: Lexicon = {
  language: 'en',
  negators: "not|no|never|\\p{L}*n't|dont|nor|hardly|without|neither",
  stopwords:
    "the and you to is we are for not no yes sure ok this with thanks please i our be will have it of in my your me am back would can on at thank i'm we're that but just if so hi out office until any what do know".split(
      ' ',
    ),
  rows: [
    [
      'unsubscribe',
      3,
      "(?:do not|don't|never|please don't|kindly do not) (?:send|e-?mail|contact|write)(?: [\\p{L}'’-]+){0,3} (?:to )?(?:me|us|this (?:e-?mail )?address|my (?:e-?mail )?address|this e-?mail|this inbox)",
    ],
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
      'not-now',
      3,
      '(?<!for )(?:following|reaching|getting|checking|circling|touching|coming) (?:up|out|back|base)(?: with me| to me| on this| about this)? (?:again )?(?:in(?! the meantime)|after|next|later|around|early|towards|closer|at the|once|when|sometime|mid|by|before)',
    ],
    ['not-now', 2, 'mid-?way through|half-?way through', null],
    ['referral', 3, '(?:better|more) luck with'],
    [
      'out-of-office',
      3,
      '(?<=^|[.!?] )back (?:on |in the office on |at my desk on |from )?(?:\\d+(?:/\\d+)?|the \\d+|monday|tuesday|wednesday|thursday|friday|mon|tue|wed|thu|fri|tomorrow|next)',
    ],
    [
      'out-of-office',
      3,
      "(?:i'm|i am) at (?:our|a|the|an) (?:[\\p{L}-]+ ){0,2}(?:conference|summit|kick-?off|offsite|off-site|event|fair|show|training|retreat)|responses? (?:will|may) be (?:slow|delayed)|slow (?:to respond|responses)",
    ],
    [
      'unsubscribe',
      3,
      'stop sending (?:me |us )?(?:these|your|the|those|any|more)? ?(?:e-?mails|emails|messages)(?: to me| to us)?',
    ],
    [
      'referral',
      3,
      '(?:direct|redirect|send|forward|address) (?:this|it|your (?:e-?mail|message|note|request)|them) to',
    ],
    [
      'not-interested',
      3,
      `(?:won't|will not|not) (?:be )?going ahead|not in the market|not (?:re-?opening|revisiting) (?:that|this|it)|(?:chose|chosen|selected|picked) ${COMPANY}`,
      null,
    ],
    [
      'not-now',
      3,
      'not (?:until|before|till) (?:q[1-4]|next|the (?:new year|end|summer|fall|autumn|spring)|january|february|march|april|may|june|july|august|september|october|november|december|\\d+)',
      null,
    ],
    [
      'not-interested',
      3,
      "all set (?:on|with|for)|not going to (?:move forward|proceed|pursue|buy|go ahead|change|switch)|(?:we'll|we will|i'll|i will|going to|gonna|we're going to|prefer to|rather) (?:stick|stay) with",
      null,
    ],
    [
      'unsubscribe',
      3,
      "(?:like|want|wish|ask|asking) to be removed|be removed from|removed from (?:all|your|any|the|future)|cease and desist|(?:do not|don't|never) (?:e-?mail|contact|write to|message) this (?:address|e-?mail|account|inbox)",
    ],
    [
      'out-of-office',
      3,
      '(?:on|attending|at) (?:a |an )?(?:training|course|workshop|seminar|retreat|offsite|off-site)(?: course| day| week)?',
    ],
    [
      'out-of-office',
      3,
      "(?:i'll|i will|i'm|i am|i'll be|i will be) (?:\\p{L}+ )?back (?:on |in the office |at my desk |at work )?(?:\\d+|monday|tuesday|wednesday|thursday|friday|tomorrow|next)|(?:i'm|i am|currently) (?:\\p{L}+ )?returning (?:on )?(?:\\d+|monday|tuesday|wednesday|thursday|friday|tomorrow|next)|(?:away|out|travel(?:l)?ing) on business|(?:on|away on) a business trip",
    ],
    [
      'not-interested',
      3,
      "not something (?:we|i)(?:'d| would| will)? (?:ever )?consider|no (?:plans?|intention) (?:to|of) (?:change|changing|switch|switching|replace|replacing|buy|buying|add|adding|look|looking|move|moving)",
      null,
    ],
    [
      'not-now',
      3,
      "(?:won't|will not|can't|cannot|not) (?:be )?(?:looking|ready|able|in a position|revisiting)(?: \\p{L}+){0,4} (?:before|until|till) (?:next|the|\\d|january|february|march|april|may|june|july|august|september|october|november|december|q[1-4])",
      null,
    ],
    // unsubscribe: a removal or no-contact request (a plain "please stop" is a no, below)
    ['unsubscribe', 3, 'unsubscrib(?:e|ed|ing)'],
    [
      'unsubscribe',
      3,
      "(?:remove|removed|removing|delete|take|taking|drop|strike|scrub|purge) (?:me|us|(?:all )?(?:of )?(?:my|our|this|these|the|his|her) (?:\\p{L}+ ){0,2}(?:address|addresses|e-?mails?|details|contacts?|info|information|data|names?)(?: \\([^)]*\\))?)(?: [\\p{L}'’]+){0,6} (?:from|off) (?:\\p{L}+ ){0,3}(?:list|lists|database|system|crm|sequences?|campaigns?|mailings?|records|contacts|distribution)",
    ],
    [
      'unsubscribe',
      3,
      '(?:remove|take|scrub) (?:me|us|this address|my address|my e-?mail)(?! from (?:the|this) (?:thread|chain|conversation|loop))|off (?:your|the|this) (?:mailing |e-?mail |contact )?list',
    ],
    [
      'unsubscribe',
      3,
      "stop (?:e-?mailing|emailing|contacting|messaging|spamming|sending (?:me|us)|writing to (?:me|us)|calling)|(?:don't|do not|never) (?:ever )?(?:e-?mail|contact|message|write to|call) (?:me|us)|(?:don't|do not) want (?:any )?(?:more |further )?(?:e-?mails|emails|messages)",
    ],
    [
      'unsubscribe',
      3,
      'lose (?:my|our|this) (?:e-?mail|address|details|number)|opt(?:ing)? (?:me |us )?out|opt-out|no (?:more|further) (?:e-?mails|emails|messages|contact)|(?:delete|erase|remove) (?:all )?(?:of )?(?:my|our) (?:personal )?(?:data|details|information|records)|right to (?:be forgotten|erasure)|erasure (?:request|of)|report (?:you|this) (?:as|for) spam',
    ],
    ['unsubscribe', 3, '^\\s*(?:stop|remove|unsubscribe|remove me)[.!]*\\s*$'],
    // out-of-office: the sender's own absence
    [
      'out-of-office',
      3,
      "out of (?:the )?office|\\booo\\b|out sick|off sick|sick (?:today|leave)|(?:i'm|i am|i'll be|i will be|currently|i'm currently|i am currently) (?:\\p{L}+ )?(?:on|taking) (?:\\p{L}+ )?(?:leave|vacation|holidays?|pto|sabbatical|jury duty|furlough)|jury duty|(?:annual|parental|maternity|paternity|sick|medical|study|family|bereavement|compassionate|garden|shared parental) leave|bank holiday|public holiday|(?:spring|summer|christmas|winter|easter) break|half[- ]term",
    ],
    [
      'out-of-office',
      3,
      "(?:i'm|i am|i'll be|i will be|i'm currently|i am currently|currently) (?:\\p{L}+ )?(?:out|away|off|offline|travel(?:l)?ing|abroad|unavailable|on (?:the road|a (?:business )?trip|holiday|vacation|leave|a course|training|site)|at (?:a|the|an) (?:conference|trade ?show|event|summit|offsite|off-site|fair|expo|training)|attending)(?! of (?:budget|time|scope|the question))",
    ],
    [
      'out-of-office',
      3,
      "(?:limited|no|intermittent|restricted|patchy|little) (?:access to|connectivity|checking of) (?:my )?(?:e-?mails?|emails|messages|inbox|the internet|wi-?fi)|not (?:be )?(?:checking|reading|monitoring) (?:my )?(?:e-?mails?|emails|messages|inbox)|without (?:e-?mail|email|internet) access|(?:upon|on|after) my return|when i (?:return|get back)|(?:when|until|once|as soon as) i(?:'m| am) back|(?:the|our) office (?:is|will be) closed|office closure|closed (?:for|over) (?:the )?(?:holidays?|christmas|festive|summer|easter|new year)|festive (?:period|break|season)|working reduced hours|fully back|in my absence|during my absence|while i(?:'m| am) (?:away|out)",
    ],
    [
      'out-of-office',
      3,
      '(?<=^|[.!?] )(?:on|off on|away on|out on) (?:holiday|vacation|leave|pto|annual leave|a trip|the road)|(?:currently|presently) (?:on|in|at|away|out|travel(?:l)?ing|off|abroad|offline)|(?:on a|in the) (?:plane|flight|air)|(?<=^|[.!?] )(?:travel(?:l)?ing|away|offline) (?:this|today|until|till|through|for)',
    ],
    [
      'out-of-office',
      3,
      '(?<=^|[.!?] )(?:out|away|off|ooo|offline) (?:from |until |till |through |on |all |for the )?(?:the \\d+(?:st|nd|rd|th)?|\\d+|monday|tuesday|wednesday|thursday|friday|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|today|tomorrow|this|next|rest)',
    ],
    [
      'out-of-office',
      2,
      "(?:i will|i'll|i should) be back|back in the office|(?:return|returning) to (?:the|my) (?:office|desk)|i (?:will )?return on|i'll return|back (?:on )?(?:monday|tuesday|wednesday|thursday|friday|mon|tue|wed|thu|fri)|away|travel(?:l)?ing|on (?:vacation|holiday|leave|pto)|(?:at|attending) (?:a |the )?(?:conference|trade ?show|summit|fair|expo)",
    ],
    [
      'out-of-office',
      1,
      'for (?:anything )?urgent|if (?:this|it|your (?:matter|request|enquiry|inquiry)) is urgent|urgent (?:matters|issues|requests|enquiries|inquiries)|in the meantime',
    ],
    // automatic text
    [
      'auto',
      3,
      '(?:auto(?:matic|mated)?(?:ally generated)?[- ]?(?:reply|response|message|responder|e-?mail))|auto-?reply|autoreply',
    ],
    [
      'auto',
      2,
      'this mailbox is (?:not|no longer) (?:monitored|in use|active)|do not reply to this (?:e-?mail|message)|this (?:e-?mail )?address is no longer (?:in use|active|monitored)',
    ],
    // referral: pointing to someone (counts only when a name or an address is given)
    [
      'referral',
      3,
      "(?:i'm|i am|i'm probably|i am probably) not the (?:right|best|correct|appropriate|relevant) (?:person|contact|one|point of contact)|(?:wrong|not the right) (?:person|contact)|not me(?=[,.;:!])",
    ],
    [
      'referral',
      3,
      "(?:is|are|would be|'s) (?:the|a|your) (?:right|best|better|correct|appropriate|relevant) (?:person|contact|people|one|point of contact)|(?:that|this)(?: would be| is|'s) (?:our|my|\\p{Lu}\\p{L}+)",
    ],
    [
      'referral',
      3,
      "(?:please |you should |you'll want to |you may want to |better to |best to |i'd suggest you |i suggest you |suggest you |you could |you can |i'd )?(?:contact|reach out to|talk to|speak (?:to|with)|get in touch with|connect with|ping|write to|ask for|drop (?:them|him|her) a (?:note|line)|try)(?! (?:me|us|again|to|and|in|next|later|back|after|then)\\b)(?= (?:\\p{Lu}|her|him|them|my|our|the|\\S+@))",
    ],
    [
      'referral',
      3,
      "(?:i've|i have|i am|i'm|i'll|i will|have) (?:forwarded|forwarding|forward|passed|passing|pass|sent|sending) (?:this|it|your (?:e-?mail|message|note|request|details)) (?:on |along |over )?to|(?:looping|loop|copying|copied|cc'?ing|cc'd|ccing|adding|including) (?:in )?(?:my colleague|him|her|them|\\p{Lu}\\p{L}+)|(?:sits|goes|is handled|falls) (?:with|through|under|to)",
    ],
    [
      'referral',
      2,
      "(?:is|are) (?:in charge|responsible|the decision maker|the decision-maker|the owner|the lead) (?:of|for)|(?:handles|owns|manages|looks after|runs|oversees|takes care of) (?:this|that|these|our|all|vendor|procurement|purchasing|the|reporting|finance)|i (?:no longer|don't|do not) (?:handle|manage|look after|work (?:on|in|at|for)|own|cover|deal with)|has taken over|took over|(?:is|am) no longer (?:with|at|working)|(?:has )?left the (?:company|business|firm)|no longer works? (?:here|at|for|with)|(?:my|our|his|her) (?:colleague|successor|replacement|manager|boss|daughter|son|partner|assistant|head of|cto|cfo|ceo|coo|controller|director)|(?:talk|speak) to (?:her|him|them)|retired",
    ],
    // not-interested: a clear no
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
    // not-now: the reason is timing
    [
      'not-now',
      3,
      "not (?:right )?now|not at (?:this|the) (?:moment|time|point|stage)|not (?:at )?(?:the |a )?(?:right|best|ideal|good|great) (?:time|timing|moment)|(?:bad|poor|tough|terrible|wrong|awkward) timing|timing (?:isn't|is not|is off|is wrong|is bad|doesn't work|does not work)|it'?s (?:the |just )?timing|(?<=^|[.!?] )timing[,.]|not this (?:year|quarter|month)|not yet|(?:maybe|perhaps|possibly|potentially|probably) (?:later|next (?:year|quarter|month)|in (?:a|the|\\d)|after|down the|another time|some other time|closer to)",
      null,
    ],
    [
      'not-now',
      3,
      '(?:reach out|get back to me|get in touch|come back|circle back|check back|check in|follow up|touch base|reconnect|contact me|try me|try again|ping me|revisit|talk|chat|connect|drop me a (?:line|note)|write to me|email me|e-mail me|hit me up|loop back|pick (?:this|it) (?:up|back up)|catch up|give me a (?:call|shout))(?: (?:to|with) (?:me|us)| on (?:this|it)| about (?:this|it)| this| it| back)? (?:again )?(?:in(?! the meantime)|after|next (?:year|quarter|month|fall|spring|summer|autumn)|later|around|early|towards|closer|at the (?:start|beginning|end)|once|when|sometime|some time|again then|that week|mid|by|before|come)|(?:reach out|get back to me|contact me|try me|ping me|email me|check back|circle back|follow up) (?:again )?then|(?:try|ask|ping|email|e-mail|contact|call) (?:me|us) again',
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
      "(?:frozen|freeze|on hold|contract|budget|locked|tied|renewed|renewal|committed)(?: [\\p{L}'’]+){0,5} (?:until|till|through|ends?|runs? out|expires?|renews?)(?: [\\p{L}'’]+){0,3} (?:\\d+|january|february|march|april|may|june|july|august|september|october|november|december|q[1-4]|next|the end|summer|spring|fall|autumn|then)",
      null,
    ],
    ['not-now', 1, 'right now', null],
    [
      'not-now',
      2,
      "(?:later|early|end of|sometime|some time) (?:this|next|in the) (?:year|quarter)|in the middle of|in (?:a few|a couple of|several|few|two|three|six|\\d+) (?:weeks|months)|(?:six|three|two|\\d+) months from now|after the (?:summer|holidays|new year|audit|year-end|year end|busy season|migration)|next (?:quarter|fiscal|month)|in q[1-4]|(?:other|different|competing) priorities|keep me on (?:your|the) list|for now|at this point|(?:i'll|we'll) be in touch|(?:too|very|extremely|really|super|quite) (?:busy|slammed|swamped)|slammed|swamped|bandwidth|until (?:the end of |after )?(?:the year|next year|january|february|march|april|may|june|july|august|september|october|november|december|q[1-4]|next quarter|the summer)",
      null,
    ],
    ...EN_ANSWERS,
  ],
};
