import { LETTER_HINTS, SCRIPT_LANGUAGES } from './language-profiles';

/**
 * What one UTF-16 code unit says about a text's language, worked out once per distinct code unit and kept in
 * typed arrays: which scripts' patterns it matches and which language its letter hints at. Counting through
 * them replaces a global regex match per script (each building an array of every match) and a string
 * lowercased per character.
 */
const LATIN_LETTER = /[a-zA-Z\u00c0-\u024f]/;
/** Bit i: SCRIPT_LANGUAGES[i] matches; LATIN_BIT: a Latin letter; -1: not yet worked out. */
const scriptBits = new Int16Array(0x10000).fill(-1);
const LATIN_BIT = 1 << SCRIPT_LANGUAGES.length;
if (LATIN_BIT > 0x4000) throw new Error('language profiles: too many scripts for the bit mask');
for (const { pattern } of SCRIPT_LANGUAGES)
  if (pattern.flags !== '' || !/^\[[^\]]*\]$/.test(pattern.source))
    throw new Error(`language profiles: script pattern ${pattern} is not one plain character class`);

/** Languages of LETTER_HINTS, numbered; hintOf holds number + 1 per code unit, 0 for none, -1 unknown. */
const HINT_LANGUAGES = [...new Set(Object.values(LETTER_HINTS))];
export const LETTER_HINT_LANGUAGES: readonly string[] = HINT_LANGUAGES;
const hintOf = new Int8Array(0x10000).fill(-1);

function bitsOf(c: number): number {
  let bits = scriptBits[c];
  if (bits < 0) {
    const char = String.fromCharCode(c);
    bits = LATIN_LETTER.test(char) ? LATIN_BIT : 0;
    SCRIPT_LANGUAGES.forEach(({ pattern }, i) => {
      if (pattern.test(char)) bits |= 1 << i;
    });
    scriptBits[c] = bits;
  }
  return bits;
}

/**
 * The first script (in SCRIPT_LANGUAGES order) with more characters in the text than Latin letters, with
 * its share of the two; undefined when there is none.
 */
export function dominantScript(text: string): { language: string; confidence: number } | undefined {
  const counts = new Array<number>(SCRIPT_LANGUAGES.length).fill(0);
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const bits = bitsOf(text.charCodeAt(i));
    if (bits === 0) continue;
    if (bits & LATIN_BIT) latin++;
    for (let s = 0; s < counts.length; s++) if (bits & (1 << s)) counts[s]++;
  }
  for (let s = 0; s < counts.length; s++) {
    if (counts[s] > latin)
      return { language: SCRIPT_LANGUAGES[s].language, confidence: counts[s] / (counts[s] + latin) };
  }
  return undefined;
}

/** Calls `vote` with the language of each character of the text that LETTER_HINTS knows, in text order. */
export function forEachLetterHint(text: string, vote: (language: string) => void): void {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair is one character, and no astral character or its lowercase form is a hint.
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next < 0xe000) {
        i++;
        continue;
      }
    }
    let hint = hintOf[c];
    if (hint < 0) {
      const char = String.fromCharCode(c);
      const language = LETTER_HINTS[char] ?? LETTER_HINTS[char.toLowerCase()];
      hintOf[c] = hint = language === undefined ? 0 : HINT_LANGUAGES.indexOf(language) + 1;
    }
    if (hint > 0) vote(HINT_LANGUAGES[hint - 1]);
  }
}
