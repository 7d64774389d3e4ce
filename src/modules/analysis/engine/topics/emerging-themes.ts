import { buildPhraseFilter, phrasesOf } from './theme-phrases';
import { compareRates, falseDiscoveryCutoff } from './theme-significance';

/** One text read for themes; a bare string is a text of its own customer, with no product. */
export interface ThemeText {
  id: string;
  text: string;
  /** Texts of one customer count as one voice: a phrase needs `minCustomers` of them. Null: a voice of its own. */
  customerId?: string | null;
  /** The item's product name (`details.product`): its words are never a theme on their own. */
  product?: string | null;
  /** Topic keys the analysis found in it: themes are read over covered texts too, and say which topics cover them. */
  topics?: readonly string[];
}

/** A topic found in at least a quarter of a theme's recent texts. */
export interface ThemeCoverage {
  key: string;
  share: number;
}

export interface EmergingThemeOptions {
  /** Longest phrase in words (1..3). */
  maxWords?: number;
  /** A theme needs at least this many recent texts. */
  minRecentCount?: number;
  /** ... written by at least this many customers. */
  minCustomers?: number;
  /** Smoothed recent rate over baseline rate needed to call a phrase emerging. */
  minLift?: number;
  /** Expected share of false discoveries among the themes returned (Benjamini–Hochberg over every phrase tested). */
  falseDiscoveryRate?: number;
  limit?: number;
  examplesPerTheme?: number;
}

export interface EmergingTheme {
  /** Readable surface form: the most frequent way the recent texts wrote it. */
  phrase: string;
  /** Stemmed key that groups inflections ("delayed flights" and "flight delayed" stay apart; "delays" joins "delay"). */
  key: string;
  /** What themes are ranked by: the lift's one-sided 95 % lower bound (the lift the counts vouch for). */
  score: number;
  recentCount: number;
  baselineCount: number;
  /** Distinct customers among the recent texts (a text with no customer counts as one). */
  recentCustomers: number;
  recentShare: number;
  baselineShare: number;
  lift: number;
  liftLowerBound: number;
  /** One-sided exact test of "the recent rate is no higher than the baseline rate" (see theme-significance). */
  pValue: number;
  isNew: boolean;
  examples: string[];
  exampleIds: string[];
  /** Share of the theme's recent texts in which the analysis found any topic. */
  coveredShare: number;
  /** The topics found in at least a quarter of the theme's recent texts, most frequent first. */
  coveredBy: ThemeCoverage[];
}

interface GramStats {
  recentDocs: number[];
  customers: Set<string>;
  baselineCount: number;
  surfaces: Map<string, number>;
}

const DEFAULTS: Required<EmergingThemeOptions> = {
  maxWords: 3,
  minRecentCount: 3,
  minCustomers: 2,
  minLift: 1.5,
  falseDiscoveryRate: 0.05,
  limit: 20,
  examplesPerTheme: 3,
};

/**
 * Phrases (1–3 words) whose rate in the recent texts rose significantly above their rate in the baseline,
 * ranked by the lift the counts vouch for. Counts are per text, not per occurrence, so one long rant cannot make
 * a theme, and a phrase needs several customers. Names, product names, numbers and hashtags are no themes. With
 * no baseline texts nothing can be said to have risen: the list is empty. Pure: same input, same output.
 */
export function findEmergingThemes(
  recentInput: readonly (string | ThemeText)[],
  baselineInput: readonly (string | ThemeText)[],
  options: EmergingThemeOptions = {},
): EmergingTheme[] {
  const config = { ...DEFAULTS, ...options };
  const recent = recentInput.map(asThemeText);
  const baseline = baselineInput.map(asThemeText);
  if (recent.length === 0 || baseline.length === 0) return [];
  const all = [...recent, ...baseline];
  const filter = buildPhraseFilter(
    all.map((t) => t.text),
    all.flatMap((t) => (t.product ? [t.product] : [])),
  );
  const grams = new Map<string, GramStats>();
  recent.forEach((item, doc) => {
    for (const [key, surface] of phrasesOf(item.text, config.maxWords, filter)) {
      const stats = grams.get(key) ?? {
        recentDocs: [],
        customers: new Set<string>(),
        baselineCount: 0,
        surfaces: new Map<string, number>(),
      };
      stats.recentDocs.push(doc);
      stats.customers.add(item.customerId ?? `item:${item.id}`);
      stats.surfaces.set(surface, (stats.surfaces.get(surface) ?? 0) + 1);
      grams.set(key, stats);
    }
  });
  for (const item of baseline) {
    for (const key of phrasesOf(item.text, config.maxWords, filter).keys()) {
      const stats = grams.get(key);
      if (stats) stats.baselineCount += 1;
    }
  }
  const tested: EmergingTheme[] = [];
  const docsOf = new Map<EmergingTheme, readonly number[]>();
  for (const [key, stats] of grams) {
    const recentCount = stats.recentDocs.length;
    if (recentCount < config.minRecentCount || stats.customers.size < config.minCustomers) continue;
    const rates = compareRates(recentCount, recent.length, stats.baselineCount, baseline.length);
    const exampleDocs = stats.recentDocs.slice(0, config.examplesPerTheme);
    const theme: EmergingTheme = {
      phrase: mostFrequent(stats.surfaces),
      key,
      score: round(rates.liftLowerBound),
      recentCount,
      baselineCount: stats.baselineCount,
      recentCustomers: stats.customers.size,
      recentShare: round(recentCount / recent.length),
      baselineShare: round(stats.baselineCount / baseline.length),
      lift: round(rates.lift),
      liftLowerBound: round(rates.liftLowerBound),
      pValue: rates.pValue,
      isNew: stats.baselineCount === 0,
      examples: exampleDocs.map((doc) => recent[doc].text),
      exampleIds: exampleDocs.map((doc) => recent[doc].id),
      ...coverage(stats.recentDocs.map((doc) => recent[doc].topics ?? [])),
    };
    tested.push(theme);
    docsOf.set(theme, stats.recentDocs);
  }
  const cutoff = falseDiscoveryCutoff(
    tested.map((t) => t.pValue),
    config.falseDiscoveryRate,
  );
  const themes = tested.filter((t) => t.pValue <= cutoff && t.lift >= config.minLift);
  themes.sort((a, b) => b.score - a.score || a.pValue - b.pValue || a.key.localeCompare(b.key));
  return dropRedundant(themes, docsOf).slice(0, config.limit);
}

const COVERED_BY_SHARE = 0.25;

function coverage(
  topicsPerText: readonly (readonly string[])[],
): Pick<EmergingTheme, 'coveredShare' | 'coveredBy'> {
  const counts = new Map<string, number>();
  let covered = 0;
  for (const topics of topicsPerText) {
    if (topics.length > 0) covered++;
    for (const key of new Set(topics)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const total = topicsPerText.length;
  const coveredBy = [...counts]
    .filter(([, n]) => n >= COVERED_BY_SHARE * total)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([key, n]) => ({ key, share: round(n / total) }));
  return { coveredShare: round(covered / Math.max(1, total)), coveredBy };
}

function asThemeText(input: string | ThemeText, index: number): ThemeText {
  return typeof input === 'string' ? { id: String(index), text: input } : input;
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
        sameTexts(docsOf.get(k) ?? [], docsOf.get(theme) ?? []),
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
