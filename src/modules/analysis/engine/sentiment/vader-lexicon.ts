import { readFileSync } from 'node:fs';

/**
 * VADER's lexicon (Hutto & Gilbert, ICWSM 2014; MIT, as shipped by the vader-sentiment package, Apache-2.0),
 * read from node_modules at load time rather than copied into the repository. Valences are means of ten
 * human ratings on -4..+4; entries with a blank or non-numeric valence are skipped.
 */
export function loadVaderLexicon(): Map<string, number> {
  const text = readFileSync(require.resolve('vader-sentiment/vader_lexicon.txt'), 'utf8');
  const lexicon = new Map<string, number>();
  for (const line of text.split('\n')) {
    const [token, valence] = line.split('\t');
    const value = Number(valence);
    if (token && valence && Number.isFinite(value)) lexicon.set(token, value);
  }
  return lexicon;
}
