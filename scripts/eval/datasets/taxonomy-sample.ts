import { loadAirlineTweets } from './airline-dataset';
import { loadSemEvalRestaurants } from './semeval';
import { hashShare } from './split-train-test';
import { loadUciSentences } from './uci-dataset';
import { loadVaderSnippets } from './vader-dataset';

export interface SampledText {
  /** Dataset id as the loaders give it, prefixed by source: `airline:5703…`, `uci-amazon:amazon-12`. */
  id: string;
  text: string;
}

/** How many texts of each source the hand-labelled default-taxonomy sample holds. */
export const SAMPLE_SIZES: Record<string, number> = {
  'uci-amazon': 80,
  'vader-amazon': 60,
  airline: 80,
  semeval: 60,
  'vader-tweets': 40,
};

/** Every text of the sources the default taxonomy is measured on, by sample id. */
export function loadSampleSources(datasetsDir: string): Record<string, SampledText[]> {
  return {
    'uci-amazon': loadUciSentences(datasetsDir, 'amazon').map((r) => ({
      id: `uci-amazon:${r.id}`,
      text: r.text,
    })),
    'vader-amazon': loadVaderSnippets(datasetsDir, 'amazon').map((r) => ({
      id: `vader-amazon:${r.id}`,
      text: r.text,
    })),
    airline: loadAirlineTweets(datasetsDir).map((r) => ({
      id: `airline:${r.id}`,
      text: r.text.replace(/Flight Booking Problems/g, 'booking'),
    })),
    semeval: loadSemEvalRestaurants(datasetsDir).map((r) => ({ id: `semeval:${r.id}`, text: r.text })),
    'vader-tweets': loadVaderSnippets(datasetsDir, 'tweets').map((r) => ({
      id: `vader-tweets:${r.id}`,
      text: r.text,
    })),
  };
}

/** A fixed pseudo-random sample per source: the texts with the lowest hash of their id. */
export function drawSample(sources: Record<string, SampledText[]>): SampledText[] {
  return Object.entries(SAMPLE_SIZES).flatMap(([source, size]) => {
    const seen = new Set<string>();
    return [...(sources[source] ?? [])]
      .filter((r) => !seen.has(r.id) && seen.add(r.id))
      .sort((a, b) => hashShare(`taxonomy:${a.id}`) - hashShare(`taxonomy:${b.id}`))
      .slice(0, size);
  });
}
