/** Why a score came out as it did: one entry per token or phrase that moved it. */
export interface SentimentExplanation {
  token: string;
  weight: number;
  /** 'lexicon' | 'domain' | 'negated' | 'intensified' | 'diminished' | 'emphasis' | 'contrast' | 'emoji' | 'model' */
  rule: string;
}
