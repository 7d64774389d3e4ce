import { createAnalysisPipeline } from '../src/modules/analysis/engine/analyse-text';
import { parseTrainingFile, scoreLine } from './score';

describe('score CLI lines', () => {
  const pipeline = createAnalysisPipeline();

  it('scores a line into the documented shape', () => {
    const out = JSON.parse(
      scoreLine(pipeline, JSON.stringify({ id: 'a1', text: 'They charged me twice. Never again!' }), 1),
    );
    expect(out).toMatchObject({ id: 'a1', language: 'en', sentiment: { label: 'negative' } });
    expect(out.topics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Double or wrong charges', sentiment: 'negative' }),
      ]),
    );
    for (const topic of out.topics)
      expect(Object.keys(topic)).toEqual(['key', 'parentKey', 'name', 'sentiment']);
    const analysed = pipeline.analyse('They charged me twice. Never again!').topics;
    expect(out.topics.map((t: { key: string; parentKey: string | null }) => [t.key, t.parentKey])).toEqual(
      analysed.map((t) => [t.key, t.parentKey ?? null]),
    );
    expect(out.signals).toContain('churn_risk');
    expect(typeof out.sentiment.score).toBe('number');
  });

  it('answers bad lines with an error naming the line instead of throwing', () => {
    expect(JSON.parse(scoreLine(pipeline, '{oops', 7))).toEqual({ line: 7, error: 'not valid JSON' });
    expect(JSON.parse(scoreLine(pipeline, '[1,2]', 8)).line).toBe(8);
    expect(JSON.parse(scoreLine(pipeline, '{"id":3,"text":42}', 9))).toMatchObject({ line: 9, id: 3 });
  });

  it('marks unsupported languages', () => {
    const out = JSON.parse(
      scoreLine(
        pipeline,
        JSON.stringify({ id: 2, text: 'Der Flug war sehr spät und das Essen war nicht gut.' }),
        1,
      ),
    );
    expect(out).toMatchObject({ id: 2, language: 'de', supported: false, sentiment: null });
  });
});

describe('parseTrainingFile', () => {
  it('keeps good lines, reports bad ones with their line number', () => {
    const warnings: string[] = [];
    const content = [
      '{"text":"great food","sentiment":"positive","topics":["Food"]}',
      '',
      '{"text":"slow","topics":[{"name":"Service","sentiment":"negative"}]}',
      '{"text":"x","sentiment":"meh"}',
      'nope',
      '{"text":"y","topics":[{"name":"Food","sentiment":"angry"}]}',
    ].join('\n');
    const examples = parseTrainingFile(content, (m) => warnings.push(m));
    expect(examples).toHaveLength(2);
    expect(examples[1].topics).toEqual([{ name: 'Service', sentiment: 'negative' }]);
    expect(warnings.map((w) => w.split(':')[0])).toEqual([
      'training line 4',
      'training line 5',
      'training line 6',
    ]);
  });
});
