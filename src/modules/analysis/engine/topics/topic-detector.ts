import { sortSmall } from '../ml/sort-small';
import type { SentenceSpan } from '../text/split-sentences';
import type { Token } from '../text/token';
import { PhraseMatcher } from './phrase-matcher';
import { TopicClassifier } from './topic-classifier';
import type { TopicDefinition } from './topic-definition';

export interface TopicEvidence {
  text: string;
  start: number;
  end: number;
  /** 'phrase': a taxonomy phrase matched; 'model': the sentence the trained model found most on-topic. */
  source: 'phrase' | 'model';
  phrase?: string;
}

export interface TopicMatch {
  key: string;
  name: string;
  parentKey?: string;
  confidence: number;
  evidence: TopicEvidence[];
}

export interface TopicDetectorOptions {
  /** Model probability needed to report a trained topic. */
  threshold?: number;
  /** Report the most probable trained topic even below the threshold (for data where every text has one). */
  atLeastOne?: boolean;
}

/** Tokens, stems and sentences of one text, computed once by the pipeline and shared by every stage. */
export interface PreparedText {
  text: string;
  tokens: readonly Token[];
  terms: readonly (string | null)[];
  sentences: readonly SentenceSpan[];
  /** See TextFacts; unknown when left out. */
  printableAscii?: boolean;
}

/**
 * Multi-label topic detection: taxonomy phrase rules, and, for topics a model was trained on, the model's
 * probability (which already weighs the rule hits). Every reported topic carries evidence for explanations.
 */
export class TopicDetector {
  private readonly matcher: PhraseMatcher;
  private readonly byKey: Map<string, TopicDefinition>;
  private readonly threshold: number;
  private readonly atLeastOne: boolean;

  constructor(
    readonly taxonomy: readonly TopicDefinition[],
    readonly classifier?: TopicClassifier,
    options: TopicDetectorOptions = {},
  ) {
    this.matcher = new PhraseMatcher(taxonomy);
    this.byKey = new Map(taxonomy.map((t) => [t.key, t]));
    if (this.byKey.size !== taxonomy.length) throw new Error('taxonomy keys must be unique');
    this.threshold = options.threshold ?? 0.5;
    this.atLeastOne = options.atLeastOne ?? false;
    for (const label of classifier?.labels ?? []) {
      if (!this.byKey.has(label)) throw new Error(`topic model label "${label}" is not in the taxonomy`);
    }
  }

  detect(prepared: PreparedText): TopicMatch[] {
    const phraseEvidence = this.phraseEvidence(prepared);
    const found: TopicMatch[] = [];
    const probabilities = this.classifier ? this.probabilities(prepared, phraseEvidence) : undefined;
    for (const [key, evidence] of phraseEvidence) {
      if (probabilities && key in probabilities) continue;
      found.push(this.match(key, ruleConfidence(evidence.length), evidence));
    }
    if (probabilities) {
      let best: [string, number] | undefined;
      let reported = false;
      for (const [key, p] of Object.entries(probabilities)) {
        if (!best || p > best[1]) best = [key, p];
        if (p >= this.threshold) {
          reported = true;
          found.push(this.match(key, p, phraseEvidence.get(key) ?? this.modelEvidence(prepared, key)));
        }
      }
      const fallback = this.atLeastOne || (best !== undefined && this.judgedOnTopic(best[1], probabilities));
      if (!reported && fallback && best) {
        found.push(
          this.match(best[0], best[1], phraseEvidence.get(best[0]) ?? this.modelEvidence(prepared, best[0])),
        );
      }
    }
    return sortSmall(withoutEchoedParents(found), byConfidence);
  }

  /**
   * Exclusive topics split one probability between them, so a text about one of nine topics often has no
   * topic above 0.5 (more than half of held-out airline complaints). The text is judged to be about a trained
   * topic when its best topic is likelier than "none of them" (when training had topic-less texts) and stands
   * clearly above an even split between the topics (not a text the model knows no words of).
   */
  private judgedOnTopic(best: number, probabilities: Record<string, number>): boolean {
    if (!this.classifier?.exclusive) return false;
    const values = Object.values(probabilities);
    const onTopic = values.reduce((sum, p) => sum + p, 0);
    const none = Math.max(0, 1 - onTopic);
    return best > none && best >= (MIN_LIFT_OVER_EVEN_SPLIT * onTopic) / values.length;
  }

  /** Model probability of every trained topic (empty without a model): for evaluation and ranking. */
  scores(prepared: PreparedText): Record<string, number> {
    return this.classifier ? this.probabilities(prepared, this.phraseEvidence(prepared)) : {};
  }

  /** Evidence for one topic whether or not it was detected: its phrases, else the most on-topic sentence. */
  evidenceFor(prepared: PreparedText, key: string): TopicEvidence[] {
    return this.phraseEvidence(prepared).get(key) ?? this.modelEvidence(prepared, key);
  }

  private phraseEvidence(prepared: PreparedText): Map<string, TopicEvidence[]> {
    const result = new Map<string, TopicEvidence[]>();
    for (const m of this.matcher.match(prepared.tokens, prepared.terms, prepared.text)) {
      result.set(
        this.taxonomy[m.topicIndex].key,
        m.evidence.map((e) => ({
          text: e.text,
          start: e.start,
          end: e.end,
          source: 'phrase' as const,
          phrase: e.phrase,
        })),
      );
    }
    return result;
  }

  private probabilities(
    prepared: PreparedText,
    phraseEvidence: Map<string, TopicEvidence[]>,
  ): Record<string, number> {
    const classifier = this.classifier as TopicClassifier;
    const featureKeys = classifier.featureRuleKeys(prepared);
    const ruleKeys = featureKeys.length ? [...phraseEvidence.keys(), ...featureKeys] : phraseEvidence.keys();
    const vectorWords = classifier.wordVectors ? vectorWordsOf(prepared.tokens) : undefined;
    return classifier.predict(wordsOf(prepared.terms), ruleKeys, vectorWords);
  }

  /** Without a phrase to point at, the evidence is the sentence the model finds most on-topic. */
  private modelEvidence(prepared: PreparedText, key: string): TopicEvidence[] {
    const { sentences, tokens, terms, text } = prepared;
    if (sentences.length <= 1 || !this.classifier?.labels.includes(key)) {
      const only = sentences.length === 1 ? sentences[0] : { text, start: 0, end: text.length };
      return [{ text: only.text, start: only.start, end: only.end, source: 'model' }];
    }
    let best = sentences[0];
    let bestP = -1;
    for (const sentence of sentences) {
      const inside: (string | null)[] = [];
      const insideTokens: Token[] = [];
      const ruleKeys: string[] = [];
      tokens.forEach((t, i) => {
        if (t.start < sentence.start || t.end > sentence.end) return;
        inside.push(terms[i]);
        insideTokens.push(t);
      });
      const classifier = this.classifier as TopicClassifier;
      const vectorWords = classifier.wordVectors ? vectorWordsOf(insideTokens) : undefined;
      const p = classifier.predict(wordsOf(inside), ruleKeys, vectorWords)[key];
      if (p > bestP) [best, bestP] = [sentence, p];
    }
    return [{ text: best.text, start: best.start, end: best.end, source: 'model' }];
  }

  private match(key: string, confidence: number, evidence: TopicEvidence[]): TopicMatch {
    const topic = this.byKey.get(key) as TopicDefinition;
    return {
      key,
      name: topic.name,
      parentKey: topic.parentKey,
      confidence: Math.round(confidence * 1000) / 1000,
      evidence,
    };
  }
}

/**
 * A parent found only through the same words as its child adds nothing ("lost my bag" is Lost luggage, and
 * saying Luggage too is noise); a parent with evidence of its own stays.
 */
function withoutEchoedParents(found: TopicMatch[]): TopicMatch[] {
  return found.filter((parent) => {
    const children = found.filter((child) => child.parentKey === parent.key);
    if (children.length === 0) return true;
    const childEvidence = children.flatMap((c) => c.evidence);
    return !parent.evidence.every((e) => childEvidence.some((c) => c.start < e.end && e.start < c.end));
  });
}

/** How far above an even split between the trained topics the best one must stand to be reported anyway. */
const MIN_LIFT_OVER_EVEN_SPLIT = 1.5;

/** Stems fed to the topic model: the words, hashtags and numbers, without mentions, URLs or punctuation. */
export function wordsOf(terms: readonly (string | null)[]): string[] {
  const words: string[] = [];
  for (const term of terms) if (term !== null) words.push(term);
  return words;
}

/** Lowercase words (hashtags without '#') to look up in pretrained word vectors. */
export function vectorWordsOf(tokens: readonly Token[]): string[] {
  const words: string[] = [];
  for (const t of tokens) {
    if (t.kind === 'word') words.push(t.norm);
    else if (t.kind === 'hashtag') words.push(t.norm.slice(1));
  }
  return words;
}

function byConfidence(a: TopicMatch, b: TopicMatch): number {
  return b.confidence - a.confidence;
}

/** Rules alone: one phrase is fair evidence, each further one halves the remaining doubt. */
function ruleConfidence(evidenceCount: number): number {
  return 1 - 0.4 * 0.5 ** (evidenceCount - 1);
}
