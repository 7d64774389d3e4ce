import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type UciSource = 'amazon' | 'imdb';

export interface UciSentence {
  id: string;
  source: UciSource;
  text: string;
  label: 'positive' | 'negative';
}

const FILES: Record<UciSource, string> = { amazon: 'amazon_cells_labelled.txt', imdb: 'imdb_labelled.txt' };

/**
 * UCI Sentiment Labelled Sentences (CC BY 4.0). Each line is split on its LAST tab: imdb has unbalanced
 * quotes, so a CSV reader would merge rows. C1 controls from a cp1252 mishap become their intended punctuation.
 */
export function loadUciSentences(datasetsDir: string, source: UciSource): UciSentence[] {
  const raw = readFileSync(join(datasetsDir, 'uci', FILES[source]), 'utf8');
  const rows: UciSentence[] = [];
  raw.split(/\r?\n/).forEach((line, i) => {
    const tab = line.lastIndexOf('\t');
    if (tab < 0) return;
    const label = line.slice(tab + 1).trim();
    if (label !== '0' && label !== '1') return;
    const text = fixCp1252Controls(line.slice(0, tab)).trim();
    rows.push({ id: `${source}-${i + 1}`, source, text, label: label === '1' ? 'positive' : 'negative' });
  });
  return rows;
}

function fixCp1252Controls(text: string): string {
  return text
    .replace(/\u0096/g, '-')
    .replace(/\u0097/g, '-')
    .replace(/\u0085/g, '...');
}
