/**
 * ASCII without capitals or a backtick, and no letter three times in a row: already normal. Covers words,
 * numbers, mentions, hashtags and punctuation alike.
 */
function isPlainLowercase(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 128 || (c >= 65 && c <= 90) || c === 96) return false;
    if (i >= 2 && c >= 97 && c <= 122 && c === raw.charCodeAt(i - 1) && c === raw.charCodeAt(i - 2))
      return false;
  }
  return true;
}

/** Normalises one token's surface form so spelling variants share a lexicon entry and a model feature. */
export function normaliseToken(raw: string): string {
  // Most tokens are plain lowercase ASCII with no letter repeated three times: skip the regexes.
  if (isPlainLowercase(raw)) return raw;
  const lower = raw.toLowerCase();
  if (isPlainLowercase(lower)) return lower;
  return lower.replace(/[\u2018\u2019\u02bc`´]/g, "'").replace(/(\p{L})\1{2,}/gu, '$1$1');
}

/** Whole-text clean-up for display or hashing; tokenizing works on the raw text to keep offsets true. */
export function normaliseText(text: string): string {
  return (
    text
      .normalize('NFKC')
      .replace(/[\u2018\u2019\u02bc]/g, "'")
      .replace(/[\u201c\u201d]/g, '"')
      // Control characters (C0 except tab/newlines, DEL, C1) come from encoding mishaps, never from writers.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, ' ')
      .replace(/[ \t]+/g, ' ')
      .trim()
  );
}
