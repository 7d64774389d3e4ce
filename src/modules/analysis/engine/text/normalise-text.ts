/** Normalises one token's surface form so spelling variants share a lexicon entry and a model feature. */
export function normaliseToken(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/(\p{L})\1{2,}/gu, '$1$1');
}

/** Whole-text clean-up for display or hashing; tokenizing works on the raw text to keep offsets true. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}
