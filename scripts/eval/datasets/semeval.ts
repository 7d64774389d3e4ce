import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHtmlEntities } from './html-entities';

export type SemEvalPolarity = 'positive' | 'negative' | 'neutral' | 'conflict';

export interface SemEvalAspectCategory {
  category: string;
  polarity: SemEvalPolarity;
}

export interface SemEvalAspectTerm {
  term: string;
  polarity: SemEvalPolarity;
  from: number;
  to: number;
}

export interface SemEvalSentence {
  id: string;
  text: string;
  aspectTerms: SemEvalAspectTerm[];
  aspectCategories: SemEvalAspectCategory[];
}

const POLARITIES = new Set<string>(['positive', 'negative', 'neutral', 'conflict']);

/**
 * SemEval-2014 Task 4 restaurant sentences (evaluation only). The file is a flat, regular XML dialect, so a
 * few anchored patterns read it exactly without pulling in an XML parser dependency.
 */
export function loadSemEvalRestaurants(datasetsDir: string): SemEvalSentence[] {
  const xml = readFileSync(join(datasetsDir, 'semeval2014', 'Restaurants_Train_v2.xml'), 'utf8');
  return parseSemEvalXml(xml);
}

export function parseSemEvalXml(xml: string): SemEvalSentence[] {
  const sentences: SemEvalSentence[] = [];
  for (const match of xml.matchAll(/<sentence\b([^>]*)>([\s\S]*?)<\/sentence>/g)) {
    const id = attribute(match[1], 'id');
    const body = match[2];
    const text = /<text>([\s\S]*?)<\/text>/.exec(body);
    if (id === undefined || !text)
      throw new Error(`SemEval: malformed sentence near "${match[0].slice(0, 80)}"`);
    sentences.push({
      id,
      text: decodeHtmlEntities(text[1]),
      aspectTerms: [...body.matchAll(/<aspectTerm\b([^>]*)\/>/g)].map((m) => ({
        term: decodeHtmlEntities(attribute(m[1], 'term') ?? ''),
        polarity: polarity(attribute(m[1], 'polarity'), id),
        from: Number(attribute(m[1], 'from')),
        to: Number(attribute(m[1], 'to')),
      })),
      aspectCategories: [...body.matchAll(/<aspectCategory\b([^>]*)\/>/g)].map((m) => ({
        category: attribute(m[1], 'category') ?? '',
        polarity: polarity(attribute(m[1], 'polarity'), id),
      })),
    });
  }
  return sentences;
}

function attribute(attributes: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1];
}

function polarity(value: string | undefined, id: string): SemEvalPolarity {
  if (value === undefined || !POLARITIES.has(value))
    throw new Error(`SemEval sentence ${id}: bad polarity "${value}"`);
  return value as SemEvalPolarity;
}
