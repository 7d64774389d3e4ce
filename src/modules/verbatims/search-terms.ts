/**
 * The words of a search, parsed once and turned into each engine's syntax from the same terms, so both
 * databases answer the same question. Only letters and digits reach the engines: no user text is ever
 * interpreted as FTS5 or MySQL boolean operators. `"a phrase"` keeps its words together; `word*` is a prefix.
 */
export interface SearchTerm {
  words: string[];
  prefix: boolean;
}

export const MAX_SEARCH_TERMS = 12;
const WORD = /[\p{L}\p{N}]+/gu;

export function parseSearch(q: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const m of q.matchAll(/"([^"]*)"|(\S+)/g)) {
    if (m[1] !== undefined) {
      const words = m[1].match(WORD) ?? [];
      if (words.length) terms.push({ words: words.map(fold), prefix: false });
      continue;
    }
    const raw = m[2];
    const words = raw.match(WORD) ?? [];
    words.forEach((w, i) =>
      terms.push({ words: [fold(w)], prefix: i === words.length - 1 && raw.endsWith('*') }),
    );
  }
  return terms.slice(0, MAX_SEARCH_TERMS);
}

/** Lower case without accents: how both engines compare words (unicode61 remove_diacritics, utf8mb4_unicode_ci). */
export function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** FTS5 MATCH text: every term required (implicit AND), phrases quoted. */
export function toFts5Query(terms: SearchTerm[]): string {
  return terms.map((t) => `"${t.words.join(' ')}"${t.prefix ? '*' : ''}`).join(' ');
}

/** MySQL BOOLEAN MODE text: every term required (`+`). */
export function toMysqlBooleanQuery(terms: SearchTerm[]): string {
  return terms
    .map((t) => (t.words.length > 1 ? `+"${t.words.join(' ')}"` : `+${t.words[0]}${t.prefix ? '*' : ''}`))
    .join(' ');
}

export interface Highlight {
  start: number;
  end: number;
}

/** Where the searched words occur in `text` (UTF-16 offsets, end exclusive), matched as the engines match them. */
export function findHighlights(text: string, terms: SearchTerm[]): Highlight[] {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const t of terms)
    t.words.forEach((w, i) => (t.prefix && i === t.words.length - 1 ? prefixes.push(w) : exact.add(w)));
  const found: Highlight[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = fold(m[0]);
    if (exact.has(word) || prefixes.some((p) => word.startsWith(p)))
      found.push({ start: m.index, end: m.index + m[0].length });
  }
  return found;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** The text, HTML-escaped, with each highlight wrapped in `<mark>`: safe to drop into a page as is. */
export function markHighlights(text: string, highlights: Highlight[]): string {
  let out = '';
  let at = 0;
  for (const h of highlights) {
    out += `${escapeHtml(text.slice(at, h.start))}<mark>${escapeHtml(text.slice(h.start, h.end))}</mark>`;
    at = h.end;
  }
  return out + escapeHtml(text.slice(at));
}

/**
 * How often the search occurs in `text`, words compared as findHighlights compares them (a phrase counts where
 * its words follow one another): the sum over the terms, or 0 when any term is missing (every term is required).
 */
export function occurrences(text: string, terms: SearchTerm[]): number {
  const words = (text.match(WORD) ?? []).map(fold);
  let total = 0;
  for (const t of terms) {
    const last = t.words.length - 1;
    const same = (word: string, i: number) =>
      t.prefix && i === last ? word.startsWith(t.words[i]) : word === t.words[i];
    let count = 0;
    for (let at = 0; at + last < words.length; at++)
      if (t.words.every((w, i) => same(words[at + i], i))) count++;
    if (!count) return 0;
    total += count;
  }
  return total;
}
