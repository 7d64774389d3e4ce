import { tokenize } from '../text/tokenize-text';
import { scoreLexicon } from './lexicon-scorer';

const score = (text: string) => scoreLexicon(tokenize(text));
const hit = (text: string, token: string) => score(text).hits.find((h) => h.token === token);

describe('scoreLexicon', () => {
  it('flips and damps sentiment inside a negation scope', () => {
    expect(score('the crew was good').sum).toBeGreaterThan(0);
    expect(score('the crew was not good').sum).toBeLessThan(0);
    expect(hit('the crew was not friendly', 'friendly')?.rule).toBe('negated');
    expect(score('the crew was not friendly').sum).toBeLessThan(0);
    expect(score("it isn't bad at all").sum).toBeGreaterThan(0);
  });

  it('boosts after intensifiers and softens after diminishers', () => {
    const plain = score('the seat was uncomfortable').sum;
    expect(score('the seat was extremely uncomfortable').sum).toBeLessThan(plain);
    expect(score('the seat was slightly uncomfortable').sum).toBeGreaterThan(plain);
    expect(hit('the seat was extremely uncomfortable', 'uncomfortable')?.rule).toBe('intensified');
    expect(score('the seat was UNCOMFORTABLE').sum).toBeLessThan(plain);
  });

  it('weighs the clause after "but" more than the one before', () => {
    const result = score('The food was great but the service was terrible');
    expect(result.sum).toBeLessThan(0);
    expect(result.hasContrast).toBe(true);
    expect(hit('The food was great but the service was terrible', 'great')?.weight).toBeLessThan(3);
    expect(score('Although the food was great, the service was terrible').sum).toBeLessThan(0);
  });

  it('scores emoji and emoticons', () => {
    expect(score('flight landed 😡').sum).toBeLessThan(0);
    expect(score('flight landed :)').sum).toBeGreaterThan(0);
    expect(hit('flight landed 😍', '😍')?.rule).toBe('emoji');
  });

  it('knows customer-experience words and ignores words that are not sentiment here', () => {
    expect(score('my bag never arrived and I was on hold for 2 hours').sum).toBeLessThan(-4);
    expect(score('flight delayed again').sum).toBeLessThan(0);
    expect(score('@united please help me change my flight like today').sum).toBe(0);
    expect(score('the agent was rude').hits[0]).toEqual({ token: 'rude', weight: -3, rule: 'domain' });
  });

  it('keeps phrases whole and applies negation outside them', () => {
    expect(score('arrived on time').sum).toBeGreaterThan(0);
    expect(score('not on time').sum).toBeLessThan(0);
  });

  it('scores the words only VADER rates on the widened lexicon, under the same rules', () => {
    // "gorgeous" is in VADER's lexicon (3.0), not AFINN's: no hit to explain, but a valence for the model.
    const plain = score('what a gorgeous view');
    expect(plain.sum).toBe(0);
    expect(plain.hits).toEqual([]);
    expect(plain.vaderSum).toBeCloseTo(3.3, 5);
    expect(score('what a very gorgeous view').vaderSum).toBeGreaterThan(plain.vaderSum);
    expect(score('the view was not gorgeous').vaderSum).toBeLessThan(0);
    // Words both rate keep AFINN's valence, so the two scores agree where AFINN speaks.
    expect(score('the crew was good').vaderSum).toBe(score('the crew was good').sum);
    expect(score('@united please help me').vaderSum).toBe(0);
  });
});
