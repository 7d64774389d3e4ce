import type { Token } from '../text/token';
import { EntryMemo } from '../text/word-entry';
import { dominantScript, forEachLetterHint, LETTER_HINT_LANGUAGES } from './character-votes';
import { STOP_WORD_PROFILES } from './language-profiles';

export interface LanguageGuess {
  /** ISO 639-1 code, or 'und' when the text has no letters at all. */
  language: string;
  /** 0..1: share of the evidence that points to this language (0.5 when English is assumed for lack of any). */
  confidence: number;
}

/** Only English is scored; the rest is recognised so it is not mistaken for neutral English. */
export const SCORED_LANGUAGES: ReadonlySet<string> = new Set(['en']);

const DEFAULT_LANGUAGE = 'en';
/** Votes a language other than the default needs before it is believed. */
const MIN_FOREIGN_EVIDENCE = 2;
const WORD = /[\p{L}']+/gu;
/** Anything beyond printable ASCII: only such text can hold another script or accented letters. */
const NON_ASCII = /[^ -~\t\n\r]/;

interface WordVote {
  language: string;
  /** Position of the language in `languages`. */
  index: number;
  weight: number;
}

/**
 * Stop-word and letter-hint vote, built once. Fast enough to run on every item: one regex pass and one Map
 * lookup per word.
 */
export class LanguageDetector {
  private readonly votes = new Map<string, WordVote[]>();
  private readonly languages: string[];
  private readonly votesByEntry = new EntryMemo((norm) => this.votes.get(norm) ?? null);
  /** Per-call tallies of detectTokens, reused: score per language and languages in first-vote order. */
  private readonly tally: Float64Array;
  private readonly firstVoted: Int32Array;
  /** Every language a letter hints at has a tally (else texts beyond ASCII go through detect). */
  private readonly tallyHints: boolean;

  constructor(profiles: Record<string, readonly string[]> = STOP_WORD_PROFILES) {
    this.languages = Object.keys(profiles);
    this.tally = new Float64Array(this.languages.length);
    this.firstVoted = new Int32Array(this.languages.length);
    this.tallyHints = LETTER_HINT_LANGUAGES.every((language) => this.languages.includes(language));
    const owners = new Map<string, string[]>();
    for (const [language, words] of Object.entries(profiles)) {
      for (const word of new Set(words)) owners.set(word, [...(owners.get(word) ?? []), language]);
    }
    for (const [word, languages] of owners) {
      this.votes.set(
        word,
        languages.map((language) => ({
          language,
          index: this.languages.indexOf(language),
          weight: 1 / languages.length,
        })),
      );
    }
  }

  /**
   * `words`, when the caller already has the lowercase words of the text (the pipeline's tokens), saves a
   * second pass over it.
   */
  detect(text: string, words?: readonly string[]): LanguageGuess {
    const ascii = !NON_ASCII.test(text);
    const script = ascii ? undefined : dominantScript(text);
    if (script) return script;
    const scores = new Map<string, number>();
    let total = 0;
    const list = words ?? wordsOf(text);
    for (let i = 0; i < list.length; i++) {
      const votes = this.votes.get(list[i]);
      if (!votes) continue;
      for (const vote of votes) scores.set(vote.language, (scores.get(vote.language) ?? 0) + vote.weight);
      total += 1;
    }
    if (!ascii) {
      forEachLetterHint(text, (language) => {
        scores.set(language, (scores.get(language) ?? 0) + 0.5);
        total += 0.5;
      });
    }
    if (total === 0) return { language: /\p{L}/u.test(text) ? DEFAULT_LANGUAGE : 'und', confidence: 0.5 };
    let best = DEFAULT_LANGUAGE;
    let bestScore = scores.get(DEFAULT_LANGUAGE) ?? 0;
    for (const [language, score] of scores) {
      if (score > bestScore) [best, bestScore] = [language, score];
    }
    // One shared short word ("no", "a") must not turn an English tweet into Spanish or Portuguese.
    if (best !== DEFAULT_LANGUAGE && bestScore < MIN_FOREIGN_EVIDENCE)
      return { language: DEFAULT_LANGUAGE, confidence: 0.5 };
    return { language: best, confidence: Math.min(1, bestScore / total) };
  }

  /**
   * detect(text, words of `tokens`) for the pipeline, which has the tokens already: votes are tallied by
   * entry in typed arrays instead of Maps, in the same order, so the same language wins every tie.
   * `printableAscii`, when the caller knows it (see TextFacts), saves a pass over the text.
   */
  detectTokens(text: string, tokens: readonly Token[], printableAscii?: boolean): LanguageGuess {
    const ascii = printableAscii ?? !NON_ASCII.test(text);
    if (!ascii) {
      if (!this.tallyHints) return this.detect(text, wordNormsOf(tokens));
      const script = dominantScript(text);
      if (script) return script;
    }
    const tally = this.tally;
    tally.fill(0);
    let voted = 0;
    let total = 0;
    for (const token of tokens) {
      if (token.kind !== 'word') continue;
      const votes = token.entry ? this.votesByEntry.of(token.entry) : (this.votes.get(token.norm) ?? null);
      if (votes === null) continue;
      for (const vote of votes) {
        // Weights are positive, so a zero tally means the language has had no vote yet.
        if (tally[vote.index] === 0) this.firstVoted[voted++] = vote.index;
        tally[vote.index] += vote.weight;
      }
      total += 1;
    }
    if (!ascii) {
      forEachLetterHint(text, (language) => {
        const index = this.languages.indexOf(language);
        if (tally[index] === 0) this.firstVoted[voted++] = index;
        tally[index] += 0.5;
        total += 0.5;
      });
    }
    if (total === 0) return { language: /\p{L}/u.test(text) ? DEFAULT_LANGUAGE : 'und', confidence: 0.5 };
    const defaultIndex = this.languages.indexOf(DEFAULT_LANGUAGE);
    let best = DEFAULT_LANGUAGE;
    let bestScore = defaultIndex >= 0 ? tally[defaultIndex] : 0;
    for (let k = 0; k < voted; k++) {
      const score = tally[this.firstVoted[k]];
      if (score > bestScore) [best, bestScore] = [this.languages[this.firstVoted[k]], score];
    }
    if (best !== DEFAULT_LANGUAGE && bestScore < MIN_FOREIGN_EVIDENCE)
      return { language: DEFAULT_LANGUAGE, confidence: 0.5 };
    return { language: best, confidence: Math.min(1, bestScore / total) };
  }
}

function wordNormsOf(tokens: readonly Token[]): string[] {
  const words: string[] = [];
  for (const token of tokens) if (token.kind === 'word') words.push(token.norm);
  return words;
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}
