import { existsSync } from 'node:fs';
import { loadUciSentences } from './uci-dataset';
import { loadVaderSnippets, VADER_SOURCES, vaderPaperLabel } from './vader-dataset';

const DATASETS = '/work/shared/datasets';
const haveData = existsSync(`${DATASETS}/uci`) && existsSync(`${DATASETS}/vader_icwsm2014`);

(haveData ? describe : describe.skip)('UCI and VADER loaders', () => {
  it('reads 1000 balanced UCI sentences per source without control characters', () => {
    for (const source of ['amazon', 'imdb'] as const) {
      const rows = loadUciSentences(DATASETS, source);
      expect(rows.length).toBe(1000);
      expect(rows.filter((r) => r.label === 'positive').length).toBe(500);
      expect(rows.some((r) => /[\u0080-\u009f]/.test(r.text))).toBe(false);
    }
  });

  it('reads the VADER gold sets with ratings on -4..+4', () => {
    const expected = { tweets: 4200, movies: 10605, amazon: 3708, nyt: 5190 };
    for (const source of VADER_SOURCES) {
      const rows = loadVaderSnippets(DATASETS, source);
      expect(rows.length).toBe(expected[source]);
      expect(rows.every((r) => r.meanRating >= -4 && r.meanRating <= 4 && r.text.length > 0)).toBe(true);
    }
    expect(vaderPaperLabel(0.1)).toBe('positive');
    expect(vaderPaperLabel(-0.1)).toBe('negative');
  });
});
