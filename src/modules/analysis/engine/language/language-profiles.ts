/**
 * Frequent function words per language. Short texts (tweets, reviews) rarely have enough characters for
 * trigram statistics to be reliable, but almost always contain a few of these words, and they are cheap to
 * look up. Words shared by several languages count for each, divided by how many share them.
 */
export const STOP_WORD_PROFILES: Record<string, readonly string[]> = {
  en: `the and is are was were to of in it that this for you my with have has not but on at be they we
    your our what from will would can just all about there their very been had its don't i'm it's an
    a i no do as me so he or by us thanks thank please hi yes ok now still`.split(/\s+/),
  es: `el la los las que de y en es un una por con para no se su lo del al muy pero como más mi me ya
    está están fue hay todo esta este también porque cuando gracias nada bien`.split(/\s+/),
  fr: `le la les des est et un une du de que qui pas pour dans sur avec ce il elle je vous nous mais ou
    très mon ma mes sont été avoir fait c'est j'ai merci bien aussi plus tout`.split(/\s+/),
  de: `der die das und ist nicht ein eine zu den mit von ich sie es auf für im dem sich auch auf wir
    ihr aber war sehr noch nur wie oder mein meine bei kein keine danke gut schon`.split(/\s+/),
  it: `il lo la gli le di che è e un una per non con sono del della al ma mi ho ha molto questo anche
    come più nel sei tutto grazie bene ancora perché cosa`.split(/\s+/),
  pt: `o a os as de que e do da em um uma para com não é no na por mais mas muito eu foi meu minha
    você são está isso também obrigado obrigada bem ainda porque então`.split(/\s+/),
  nl: `de het een en van is dat niet ik je op te in met voor zijn er maar ook als bij wat nog wel heb
    mijn zo dan heel geen naar door goed bedankt waren werd`.split(/\s+/),
};

/** Letters that, when present, point strongly to one language among the Latin-script ones. */
export const LETTER_HINTS: Record<string, string> = {
  ñ: 'es',
  '¿': 'es',
  '¡': 'es',
  ß: 'de',
  ä: 'de',
  ö: 'de',
  ü: 'de',
  ã: 'pt',
  õ: 'pt',
  ç: 'fr',
  œ: 'fr',
  ê: 'fr',
  î: 'fr',
  û: 'fr',
  ë: 'nl',
  ì: 'it',
  ò: 'it',
};

/** Non-Latin scripts identify the language (or at least that it is not English) without any word lists. */
export const SCRIPT_LANGUAGES: readonly { pattern: RegExp; language: string }[] = [
  { pattern: /[\u3040-\u30ff]/, language: 'ja' },
  { pattern: /[\uac00-\ud7af]/, language: 'ko' },
  { pattern: /[\u4e00-\u9fff]/, language: 'zh' },
  { pattern: /[\u0400-\u04ff]/, language: 'ru' },
  { pattern: /[\u0600-\u06ff]/, language: 'ar' },
  { pattern: /[\u0590-\u05ff]/, language: 'he' },
  { pattern: /[\u0370-\u03ff]/, language: 'el' },
  { pattern: /[\u0900-\u097f]/, language: 'hi' },
  { pattern: /[\u0e00-\u0e7f]/, language: 'th' },
];
