export type SignalType = 'complaint' | 'praise' | 'question' | 'suggestion' | 'churn_risk' | 'urgency';

export const SIGNAL_TYPES: readonly SignalType[] = [
  'complaint',
  'praise',
  'question',
  'suggestion',
  'churn_risk',
  'urgency',
];

export interface SignalRule {
  name: string;
  pattern: RegExp;
  /**
   * Lowercase literals of which every match of the pattern contains at least one (compared
   * case-insensitively): a text holding none of them cannot match, so the pattern is not run on it.
   */
  anchors: readonly string[];
}

/**
 * Phrase rules per signal. Each is one case-insensitive regex over the raw text so the evidence keeps its
 * offsets; alternatives are grouped by intent so an explanation can name the rule that fired.
 */
export const SIGNAL_RULES: Record<SignalType, readonly SignalRule[]> = {
  churn_risk: [
    {
      name: 'cancel-account',
      anchors: ['cancel', 'terminat', 'clos', 'delet'],
      pattern:
        /\b(cancel+(?:ing|ed|led)?|terminat(?:e|ing)|clos(?:e|ing)|delet(?:e|ing)) (?:my |our |the )?(?:subscription|account|membership|contract|plan|service)s?\b/gi,
    },
    {
      name: 'switching',
      anchors: ['switch', 'mov', 'go back', 'going back', 'chang'],
      pattern:
        /\b(switch(?:ing|ed)?|mov(?:e|ing)|go(?:ing)? back|chang(?:e|ing)) (?:over )?to (?:a |another |an? other |the )?(?:competitor|provider|airline|company|bank|store|service|[A-Z][\w&]+)\b/g,
    },
    {
      name: 'never-again',
      anchors: ['never'],
      pattern:
        /\bnever (?:again|(?:be |going |coming |come )back|(?:fly|flying|order|ordering|buy|buying|shop|shopping|use|using|book|booking|eat|eating|stay|staying)(?: with| from| at| here)?(?: you| them| again)?)\b/gi,
    },
    {
      name: 'last-time',
      anchors: ['last time', 'final time'],
      pattern: /\b(?:the )?(?:last|final) time (?:i|we)(?:'ll| will| am| are)?\b/gi,
    },
    {
      name: 'leaving',
      anchors: [
        'elsewhere',
        'wont be',
        "won't be",
        'done with',
        'finished with',
        'looking for',
        'unsubscrib',
        'lost a',
      ],
      pattern:
        /\b(?:take|taking) (?:my|our) (?:business|money) elsewhere\b|\bwon'?t be (?:back|returning|coming back|renewing|ordering|flying)\b|\b(?:done|finished) with (?:you|this company|your)\b|\blooking for (?:an? )?(?:alternative|new provider|other options)\b|\bunsubscrib(?:e|ing)\b|\blost (?:a|another) (?:loyal )?customer\b/gi,
    },
  ],
  urgency: [
    {
      name: 'urgent-words',
      anchors: [
        'urgent',
        'asap',
        'emergency',
        'immediately',
        'right away',
        'right now',
        'as soon as possible',
        'time-sensitive',
        'time sensitive',
        'critical',
      ],
      pattern:
        /\b(?:urgent(?:ly)?|asap|emergency|immediately|right away|right now|as soon as possible|time[- ]sensitive|critical)\b/gi,
    },
    {
      name: 'still-waiting',
      anchors: [
        'still waiting',
        'still no',
        'still haven',
        'hours and',
        'hours with',
        'hours later',
        'hours now',
        'days and',
        'days with',
        'days later',
        'days now',
        'weeks and',
        'weeks with',
        'weeks later',
        'weeks now',
      ],
      pattern:
        /\bstill (?:waiting|no (?:response|reply|answer|word|refund|update)|haven'?t (?:heard|received|got))\b|\b(?:\d+|several|many|two|three) (?:hours|days|weeks) (?:and|with|later|now)(?: still)? no\b/gi,
    },
    {
      name: 'need-help-now',
      anchors: ['need help', 'need this', 'need it', 'need an answer', 'need a response', 'help!', 'help !'],
      pattern:
        /\bneed (?:help|this|it|an answer|a response)(?: fixed| resolved)? (?:now|today|tonight|asap)\b|\bhelp ?!+/gi,
    },
  ],
  suggestion: [
    {
      name: 'should',
      anchors: [
        'you should',
        'you could',
        'you need to',
        'you ought to',
        'they should',
        'they could',
        'they need to',
        'they ought to',
        'u should',
        'u could',
        'u need to',
        'u ought to',
      ],
      pattern:
        /\b(?:you|they|u) (?:should|could|need to|ought to) (?:really |definitely |seriously |also |just |maybe |probably )?(?:add|have|make|offer|consider|allow|let|provide|improve|bring|introduce|fix|update|change|hire|train)\b/gi,
    },
    {
      name: 'would-be-nice',
      anchors: ['would be', "'d be"],
      pattern: /\b(?:it )?(?:would|'d) be (?:nice|great|better|good|helpful|awesome|useful) (?:if|to)\b/gi,
    },
    {
      name: 'can-you-add',
      anchors: [
        'can you',
        'can u',
        'can they',
        'could you',
        'could u',
        'could they',
        'would you',
        'would u',
        'would they',
        'will you',
        'will u',
        'will they',
      ],
      pattern:
        /\b(?:can|could|would|will) (?:you|u|they) (?:please )?(?:add|offer|bring back|consider|introduce|start|allow)\b/gi,
    },
    {
      name: 'wish-suggest',
      anchors: [
        'wish',
        'suggest',
        'recommend that',
        'propose',
        'would love',
        'feature request',
        'how about',
        'why not',
        'please add',
        'please consider',
        'please allow',
        'please bring back',
      ],
      pattern:
        /\b(?:i|we) (?:wish|suggest|recommend that|propose|would love (?:it if|to see|if))\b|\b(?:feature request|how about|why not|please (?:add|consider|allow|bring back))\b/gi,
    },
  ],
  complaint: [
    {
      name: 'not-working',
      anchors: [
        't work',
        't load',
        't arriv',
        't show',
        't respond',
        't help',
        'r work',
        'r load',
        'r arriv',
        'r show',
        'r respond',
        'r help',
        'd work',
        'd load',
        'd arriv',
        'd show',
        'd respond',
        'd help',
      ],
      pattern:
        /\b(?:not|never|doesn'?t|didn'?t|won'?t|isn'?t|wasn'?t|can'?t|cannot|stopped) (?:work(?:ing|s|ed)?|load(?:ing)?|arriv(?:e|ed)|show(?:ed)? up|respond(?:ing|ed)?|help(?:ing|ed|ful)?)\b/gi,
    },
    {
      name: 'where-is-it',
      anchors: [
        'where is my',
        "where's my",
        'where are my',
        'here yet',
        'arrived yet',
        'received yet',
        'delivered yet',
      ],
      pattern:
        /\bwhere(?: is|'s| are) my (?:order|refund|package|parcel|money|delivery|bag|luggage|item|replacement)s?\b|\b(?:not|never|n't) (?:here|arrived|received|delivered) yet\b/gi,
    },
    {
      // The same problem back again: "third time this week", "yet again", "still not fixed", "Again!".
      name: 'repeat-issue',
      anchors: ['time', 'again', 'still', 'happening'],
      pattern:
        /\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|umpteenth|nth) time (?:this (?:week|month|year|morning)|today|in a row|in (?:a|one|two|three) (?:days?|weeks?|months?))\b|\bfor the (?:third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|umpteenth|nth|\d+(?:rd|th)) time\b|\b(?:yet|not) again\b|\bhow many (?:more )?times\b|\bstill (?:not (?:fixed|resolved|sorted)|broken|happening)\b|\b(?:keeps|kept) happening\b|\bhappen(?:ed|ing|s) again\b|(?<=^\s*|[.!?]\s{1,3})again\s*[!?]/gi,
    },
    {
      name: 'complain-words',
      anchors: [
        'complain',
        'unacceptable',
        'ridiculous',
        'disgrace',
        'worst',
        'terrible',
        'horrible',
        'awful',
        'appalling',
        'rude',
        'broken',
        'scam',
        'rip',
        'disappoint',
        'frustrat',
        'fed up',
        'joke',
        'useless',
        'pathetic',
      ],
      pattern:
        /\b(?:complain(?:t|ing|ed)?|unacceptable|ridiculous|disgrace(?:ful)?|worst|terrible|horrible|awful|appalling|rude|broken|scam|ripped off|rip[- ]off|disappoint(?:ed|ing|ment)|frustrat(?:ed|ing)|fed up|joke|useless|pathetic)\b/gi,
    },
  ],
  praise: [
    {
      name: 'thanks',
      anchors: ['thank', 'kudos', 'shout', 'appreciate', 'well done', 'props to'],
      pattern:
        /\b(?:thank(?:s| you)(?: so much| very much)?|kudos|shout ?out|appreciate (?:it|you|the)|well done|props to)\b/gi,
    },
    {
      name: 'praise-words',
      anchors: [
        'love',
        'great',
        'excellent',
        'amazing',
        'awesome',
        'fantastic',
        'wonderful',
        'perfect',
        'outstanding',
        'brilliant',
        'superb',
        'delicious',
        'best',
      ],
      pattern:
        /\b(?:love(?:d)?|great|excellent|amazing|awesome|fantastic|wonderful|perfect|outstanding|brilliant|superb|delicious|best)\b/gi,
    },
  ],
  question: [],
};

/** Sentence openers that make a question even when the writer left out the "?". */
export const QUESTION_OPENERS =
  /^\W*(?:how|what|why|when|where|who|which|can|could|would|is|are|do|does|did|will|should|any ?one|anybody)\b[^.!]{4,}$/i;
