import { tokenize } from '../text/tokenize-text';
import { LanguageDetector, SCORED_LANGUAGES } from './language-detector';

describe('LanguageDetector', () => {
  const detector = new LanguageDetector();

  it.each([
    ['en', 'My flight was delayed and nobody at the gate could tell us what was going on.'],
    ['es', 'El vuelo llegó tarde y nadie nos dio una explicación, muy mal servicio.'],
    ['fr', "Le vol était en retard et personne ne nous a donné d'explication, c'est pas normal."],
    ['de', 'Der Flug war sehr verspätet und niemand hat uns etwas erklärt, das ist nicht gut.'],
    ['it', 'Il volo era in ritardo e nessuno ci ha dato una spiegazione, non è giusto.'],
    ['pt', 'O voo atrasou muito e ninguém nos deu uma explicação, não é possível.'],
    ['nl', 'De vlucht was erg laat en niemand heeft ons iets uitgelegd, dat is niet goed.'],
    ['ru', 'Рейс задержали на три часа, никто ничего не объяснил.'],
    ['ja', '飛行機が三時間も遅れました。説明もありません。'],
  ])('recognises %s', (language, text) => {
    expect(detector.detect(text).language).toBe(language);
  });

  it('assumes English with middling confidence when a short text has no evidence', () => {
    expect(detector.detect('@united 3hrs!!')).toEqual({ language: 'en', confidence: 0.5 });
    expect(detector.detect('123 !!!').language).toBe('und');
  });

  it('scores English only', () => {
    expect(SCORED_LANGUAGES.has('en')).toBe(true);
    expect(SCORED_LANGUAGES.has('fr')).toBe(false);
  });
});

describe('LanguageDetector.detectTokens', () => {
  const detector = new LanguageDetector();

  it.each([
    'My flight was delayed and nobody could tell us why',
    'el vuelo fue muy malo y no hay nada que hacer',
    'le vol est en retard et je ne suis pas content',
    'der Flug ist nicht gut und das ist sehr schlecht',
    'Vôo atrasado, não é possível',
    'Рейс задержали',
    '@united 3hrs!!',
    '123 !!!',
  ])('equals detect() with the text’s words: %s', (text) => {
    const tokens = tokenize(text);
    const words = tokens.filter((t) => t.kind === 'word').map((t) => t.norm);
    expect(detector.detectTokens(text, tokens)).toEqual(detector.detect(text, words));
  });
});
