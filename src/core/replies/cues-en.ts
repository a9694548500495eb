// English cue phrases of notices (unsubscribe, out-of-office, automatic text, departure, referral),
// with the refusals of cues-en-refusals.ts and the answers of cues-en-answers.ts (see cues.ts for the
// row format).

import type { Lexicon } from './cues.js';
import { EN_ANSWERS } from './cues-en-answers.js';
import { EN_REFUSALS } from './cues-en-refusals.js';

export const EN: Lexicon = {
  language: 'en',
  negators: "not|no|never|\\p{L}*n't|dont|nor|hardly|without|neither",
  stopwords:
    "the and you to is we are for not no yes sure ok this with thanks please i our be will have it of in my your me am back would can on at thank i'm we're that but just if so hi out office until any what do know".split(
      ' ',
    ),
  rows: [
    // unsubscribe: a removal or no-contact request (a plain "please stop" is a no, see cues-en-refusals.ts)
    [
      'unsubscribe',
      3,
      "(?:do not|don't|never|please don't|kindly do not) (?:send|e-?mail|contact|write)(?: [\\p{L}'’-]+){0,3} (?:to )?(?:me|us|this (?:e-?mail )?address|my (?:e-?mail )?address|this e-?mail|this inbox)",
    ],
    [
      'unsubscribe',
      3,
      'stop sending (?:me |us )?(?:these|your|the|those|any|more)? ?(?:e-?mails|emails|messages)(?: to me| to us)?',
    ],
    [
      'unsubscribe',
      3,
      "(?:like|want|wish|ask|asking) to be removed|be removed from|removed from (?:all|your|any|the|future)|cease and desist|(?:do not|don't|never) (?:e-?mail|contact|write to|message) this (?:address|e-?mail|account|inbox)",
    ],
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
      'lose (?:my|our|this) (?:e-?mail|address|details|number)|opt(?:ing)? (?:me |us )?out|opt-out|no (?:more|further) (?:e-?mails|emails|messages|contact)|(?:delete|erase|remove) (?:all )?(?:of )?(?:my|our) (?:personal )?(?:data|details|information|records)|right to (?:be forgotten|erasure)|(?:delete|erase|remove|purge) (?:any|all|whatever|the) (?:personal )?(?:data|details|information|info|records) (?:you (?:hold|have|keep|store)|(?:held|stored|kept) (?:about|on)|about me|on me)|(?:ccpa|gdpr|lgpd|rgpd|dsgvo)(?: \\p{L}+){0,3} (?:deletion|erasure)|erasure (?:request|of)|report (?:you|this) (?:as|for) spam',
    ],
    ['unsubscribe', 3, '^\\s*(?:stop|remove|unsubscribe|remove me|unsub)[.!]*\\s*$|unsub(?=[.!]|$)'],
    [
      'unsubscribe',
      3,
      "(?:stop|quit|cease|halt) (?:all )?(?:e-?mailing|emailing|mailing|contacting|messaging|spamming|sending|writing|calling|contact|communications?|correspondence|outreach)(?! (?:until|till|for now|before))|(?:don't|do not|never) (?:want|wish) to (?:receive|get|hear)(?: from you)? (?:any(?:thing)? )?(?:more|further|else|again)|(?:don't|do not|never) use (?:this|it|my|our)(?: e-?mail| address| inbox| mailbox)* for (?:marketing|sales|promotions?|advertising|solicitation|prospecting)",
    ],
    // out-of-office: the sender's own absence
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
    [
      'out-of-office',
      3,
      "(?:i'm|i am|i'll be|i will be) (?:[\\p{L}-]+ ){0,4}?(?:offline|abroad|unreachable|off-grid|off grid|away from (?:my )?(?:desk|e-?mail|laptop|the office))|(?:i'm|i am) (?:\\p{L}+ ){0,2}(?:sick|ill|unwell|poorly|in hospital)(?! of)|(?<=^|[.!?,-] )back in (?:\\d+|a|one|two|three|four|a couple of|a few) (?:days?|weeks?)",
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
    // departure: the writer has left (a referral when someone is named instead, else neutral)
    [
      'departure',
      3,
      "(?:has|have|had|i've|i have) (?:now |recently )?left (?:the (?:company|business|firm|organi[sz]ation|practice)|\\p{Lu}\\p{L}+)|(?:is|am|are) no longer (?:with|at|employed|working)|no longer works? (?:here|at|for|with)|(?:i|she|he|they) (?:no longer|don't|do not|doesn't|does not) work (?:at|for|here)|(?:i|she|he) (?:have |has )?(?:now )?retired|i'm (?:semi-)?retired|my last day (?:was|at|here)",
    ],
    // referral: pointing to someone (counts only when a name or an address is given)
    ['referral', 3, '(?:better|more) luck with'],
    [
      'referral',
      3,
      "(?<=^|[.!?] )(?:forwarding|forwarded|passing|passed) (?:this |it |you )?(?:on |along |over )?to(?= \\p{Lu})|you(?:'ll| will|'d| would)? want(?= \\p{Lu})|introduc(?:e|ing) you to|(?:would be|is|are|'s) (?:much |far )?(?:better|best) placed|^\\s*\\+(?= \\p{Lu})|\\p{Lu}\\p{L}+['’]s (?:call|decision|area|remit|department|domain|responsibility)|(?:has|have) (?:taken )?(?:on )?my (?:portfolio|role|job|accounts|responsibilities|clients|patch)",
    ],
    [
      'referral',
      3,
      '(?:direct|redirect|send|forward|address) (?:this|it|your (?:e-?mail|message|note|request)|them) to',
    ],
    [
      'referral',
      3,
      "(?:i'm|i am|i'm probably|i am probably) not the (?:right|best|correct|appropriate|relevant) (?:person|contact|one|point of contact)|(?:wrong|not the right) (?:person|contact)|not me(?=[,.;:!])",
    ],
    [
      'referral',
      3,
      "(?:is|are|would be|'s) (?:the|a|your) (?:right|best|better|correct|appropriate|relevant) (?:person|contact|people|one|point of contact)|(?:that|this)(?: would be| is|'s) (?:our|my|\\p{Lu}\\p{L}+(?!['’]))",
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
    ...EN_REFUSALS,
    ...EN_ANSWERS,
  ],
};
