/**
 * English words that never start or end a theme phrase: function words plus the filler of feedback
 * ("please", "thanks", "really") that would otherwise top every list without saying what changed.
 */
export const THEME_STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being
  below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during
  each few for from further get got had hadn't has hasn't have haven't having he her here hers herself him
  himself his how i i'd i'll i'm i've if in into is isn't it it's its itself just let's me more most mustn't my
  myself no nor not now of off on once only or other ought our ours ourselves out over own same she should
  shouldn't so some such than that that's the their theirs them themselves then there there's these they
  they're this those through to too under until up very was wasn't we we're we've were weren't what when where
  which while who whom why will with won't would wouldn't you you're your yours yourself yourselves
  please thanks thank really still even much many one two get go going went gone make made say said know
  like just ok okay yes yeah u im ive dont cant wont us lol amp rt via`.split(/\s+/),
);
