import { stemWord } from '../nlp/porter-stemmer';
import { tokenize } from '../text/tokenize-text';
import { THEME_STOP_WORDS } from './theme-stop-words';

export interface EmergingThemeOptions {
  /** Longest phrase in words (1..3). */
  maxWords?: number;
  /** A theme needs at least this many recent texts. */
  minRecentCount?: number;
  /** Recent share over (smoothed) baseline share needed to call a phrase emerging. */
  minLift?: number;
  limit?: number;
  examplesPerTheme?: number;
}

export interface EmergingTheme {
  /** Readable surface form: the most frequent way the recent texts wrote it. */
  phrase: string;
  /** Stemmed key that groups inflections ("delayed flights" and "flight delayed" stay apart; "delays" joins "delay"). */
  key: string;
  score: number;
  recentCount: number;
  baselineCount: number;
  recentShare: number;
  baselineShare: number;
  lift: number;
  isNew: boolean;
  examples: string[];
}

interface GramStats {
  recentDocs: number[];
  baselineCount: number;
  surfaces: Map<string, number>;
}

const DEFAULTS: Required<EmergingThemeOptions> = {
  maxWords: 3,
  minRecentCount: 3,
  minLift: 2,
  limit: 20,
  examplesPerTheme: 3,
};

/**
 * Phrases (1–3 words) whose share of recent texts rose well above their share of the baseline, or that are
 * new. Counts are per text, not per occurrence, so one long rant cannot make a theme. Pure: same input, same
 * output.
 */
export function findEmergingThemes(
  recent: readonly string[],
  baseline: readonly string[],
  options: EmergingThemeOptions = {},
): EmergingTheme[] {
  const config = { ...DEFAULTS, ...options };
  const grams = new Map<string, GramStats>();
  recent.forEach((text, doc) => {
    for (const [key, surface] of gramsOf(text, config.maxWords)) {
      const stats = grams.get(key) ?? {
        recentDocs: [],
        baselineCount: 0,
        surfaces: new Map<string, number>(),
      };
      stats.recentDocs.push(doc);
      stats.surfaces.set(surface, (stats.surfaces.get(surface) ?? 0) + 1);
      grams.set(key, stats);
    }
  });
  for (const text of baseline) {
    for (const key of gramsOf(text, config.maxWords).keys()) {
      const stats = grams.get(key);
      if (stats) stats.baselineCount += 1;
    }
  }
  const themes: EmergingTheme[] = [];
  const docsOf = new Map<EmergingTheme, readonly number[]>();
  for (const [key, stats] of grams) {
    const recentCount = stats.recentDocs.length;
    if (recentCount < config.minRecentCount) continue;
    // Add-half smoothing keeps a phrase absent from a small baseline from getting an infinite lift.
    const recentShare = recentCount / Math.max(1, recent.length);
    const baselineShare = stats.baselineCount / Math.max(1, baseline.length);
    const lift =
      (recentCount + 0.5) / (recent.length + 1) / ((stats.baselineCount + 0.5) / (baseline.length + 1));
    if (lift < config.minLift) continue;
    const theme: EmergingTheme = {
      phrase: mostFrequent(stats.surfaces),
      key,
      score: round(Math.log2(lift) * Math.sqrt(recentCount)),
      recentCount,
      baselineCount: stats.baselineCount,
      recentShare: round(recentShare),
      baselineShare: round(baselineShare),
      lift: round(lift),
      isNew: stats.baselineCount === 0,
      examples: stats.recentDocs.slice(0, config.examplesPerTheme).map((doc) => recent[doc]),
    };
    themes.push(theme);
    docsOf.set(theme, stats.recentDocs);
  }
  themes.sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
  return dropRedundant(themes, docsOf).slice(0, config.limit);
}

/** Distinct n-grams of one text: stemmed key → surface form. Stop words may sit inside, never at either end. */
function gramsOf(text: string, maxWords: number): Map<string, string> {
  const words = tokenize(text).filter((t) => t.kind === 'word' || t.kind === 'hashtag');
  const stems = words.map((w) => stemWord(w.kind === 'hashtag' ? w.norm.slice(1) : w.norm));
  const grams = new Map<string, string>();
  for (let i = 0; i < words.length; i++) {
    if (THEME_STOP_WORDS.has(words[i].norm) || words[i].norm.length < 2) continue;
    for (let n = 1; n <= maxWords && i + n <= words.length; n++) {
      const last = words[i + n - 1];
      if (THEME_STOP_WORDS.has(last.norm) || last.norm.length < 2) continue;
      const key = stems.slice(i, i + n).join(' ');
      if (!grams.has(key)) grams.set(key, text.slice(words[i].start, last.end).toLowerCase());
    }
  }
  return grams;
}

/**
 * Phrases of different lengths found in nearly the same texts ("saw your ad", "exactly", "looking") are one
 * theme, named by the longest. Single words of the same texts stay apart ("checkout", "crash"): none names it better.
 */
const SAME_TEXTS = 0.8;

/**
 * One suggestion per theme, best first. A shorter phrase that only ever appears inside a longer listed one says
 * nothing new ("lost" inside "lost luggage"); nor does a longer phrase barely more frequent than noise around a
 * strong shorter one: the longer phrase replaces every shorter one it holds when it covers most of their texts,
 * otherwise it is dropped. Shorter phrases of nearly the same texts give way to the longer one the same way.
 */
function dropRedundant(
  themes: readonly EmergingTheme[],
  docsOf: ReadonlyMap<EmergingTheme, readonly number[]>,
): EmergingTheme[] {
  const kept: EmergingTheme[] = [];
  for (const theme of themes) {
    const words = wordCount(theme.key);
    const related = kept.filter(
      (k) =>
        containsWords(k.key, theme.key) ||
        containsWords(theme.key, k.key) ||
        (wordCount(k.key) !== words && sameTexts(docsOf.get(k) ?? [], docsOf.get(theme) ?? [])),
    );
    if (related.length === 0) {
      kept.push(theme);
      continue;
    }
    const replaces = related.every(
      (k) =>
        (containsWords(theme.key, k.key) && theme.recentCount >= SAME_TEXTS * k.recentCount) ||
        (!containsWords(k.key, theme.key) &&
          wordCount(k.key) < words &&
          sameTexts(docsOf.get(k) ?? [], docsOf.get(theme) ?? [])),
    );
    if (!replaces) continue;
    const at = kept.indexOf(related[0]);
    kept[at] = theme;
    for (const k of related.slice(1)) kept.splice(kept.indexOf(k), 1);
  }
  return kept;
}

/** Sorted document lists sharing at least SAME_TEXTS of the larger one (Jaccard-like, cheap on short lists). */
function sameTexts(a: readonly number[], b: readonly number[]): boolean {
  const larger = Math.max(a.length, b.length);
  if (Math.min(a.length, b.length) < SAME_TEXTS * larger) return false;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared >= SAME_TEXTS * larger;
}

function wordCount(key: string): number {
  let count = 1;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) === 32) count++;
  return count;
}

function containsWords(longer: string, shorter: string): boolean {
  return longer !== shorter && ` ${longer} `.includes(` ${shorter} `);
}

function mostFrequent(counts: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [surface, count] of counts) {
    if (count > bestCount || (count === bestCount && surface < best)) [best, bestCount] = [surface, count];
  }
  return best;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
