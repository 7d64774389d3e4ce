import { splitSentences } from '../text/split-sentences';
import { detectSignals, SignalSentence } from './signal-detector';
import { SIGNAL_RULES } from './signal-rules';

/** Sentences labelled by a crude keyword stand-in, so these tests exercise the rules, not a sentiment model. */
function sentencesOf(text: string, labels: SignalSentence['label'][] = []): SignalSentence[] {
  return splitSentences(text).map((s, i) => ({ ...s, label: labels[i] ?? 'neutral' }));
}

function typesOf(text: string, labels: SignalSentence['label'][] = []): string[] {
  return detectSignals(text, sentencesOf(text, labels))
    .map((s) => s.type)
    .sort();
}

describe('detectSignals', () => {
  it('finds churn risk with its evidence and offsets', () => {
    const text = 'Third outage this week. I am going to cancel my subscription and switching to Vodafone.';
    const churn = detectSignals(text, sentencesOf(text)).find((s) => s.type === 'churn_risk');
    expect(churn?.evidence.map((e) => e.rule).sort()).toEqual(['cancel-account', 'switching']);
    for (const e of churn?.evidence ?? []) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it('recognises "never again" and urgency', () => {
    expect(typesOf('Never again. Need this fixed today asap!', ['negative', 'neutral'])).toEqual(
      expect.arrayContaining(['churn_risk', 'urgency', 'complaint']),
    );
  });

  it('finds questions with or without a question mark, and suggestions', () => {
    expect(typesOf('How do I change my seat')).toEqual(['question']);
    expect(typesOf('Is there wifi on board?')).toEqual(['question']);
    expect(typesOf('It would be nice if you added a vegan option.')).toEqual(['suggestion']);
  });

  it('gates praise and complaint words by sentence sentiment', () => {
    expect(typesOf('Thanks for nothing.', ['negative'])).toEqual(['complaint']);
    expect(typesOf('Thank you so much, the crew was great!', ['positive'])).toEqual(['praise']);
    expect(typesOf('The app is broken.', ['neutral'])).toEqual(['complaint']);
  });

  it('does not take a wish for praise', () => {
    expect(typesOf('Could you add a dark mode? Would be great.', ['neutral', 'positive'])).toEqual([
      'question',
      'suggestion',
    ]);
    expect(typesOf('It would be nice if you offered gift wrapping.', ['positive'])).toEqual(['suggestion']);
    expect(
      typesOf('The crew were great. It would be great if you added legroom.', ['positive', 'positive']),
    ).toEqual(['praise', 'suggestion']);
    expect(typesOf('You should really offer a student discount.')).toEqual(['suggestion']);
  });

  it('hears "where is my order" and "not here yet" as complaints', () => {
    expect(typesOf('Where is my refund?')).toEqual(['complaint', 'question']);
    expect(typesOf('Why is my order not here yet?')).toEqual(['complaint', 'question']);
  });

  it('returns nothing for a plain statement', () => {
    expect(typesOf('I flew to Denver on Tuesday.')).toEqual([]);
  });

  it('needs a clearly positive or negative sentence to call it praise or complaint without a keyword', () => {
    const text = 'Please cancel it now.';
    const weak: SignalSentence[] = [{ text, start: 0, end: text.length, label: 'positive', score: 0.03 }];
    expect(detectSignals(text, weak).map((s) => s.type)).toEqual([]);
    const strong: SignalSentence[] = [{ text, start: 0, end: text.length, label: 'negative', score: -0.8 }];
    expect(detectSignals(text, strong).map((s) => s.type)).toEqual(['complaint']);
  });

  it('keeps a bounded amount of evidence for long documents', () => {
    const text = 'This is unacceptable. '.repeat(500);
    const complaint = detectSignals(text, sentencesOf(text)).find((s) => s.type === 'complaint');
    expect(complaint?.evidence).toHaveLength(5);
  });
});

describe('signal rule anchors', () => {
  const samples = [
    'I will CANCEL my subscription',
    'cancelled the account',
    'terminating my contract',
    'Closing our plans',
    'delete my account',
    'switching to Delta',
    'moving to another provider',
    'going back to the competitor',
    'changed over to a bank',
    'NEVER AGAIN',
    'never flying with you again',
    'never coming back',
    'last time I fly',
    'the final time we',
    'taking our money elsewhere',
    "won't be back",
    'wont be renewing',
    'done with you',
    'finished with this company',
    'looking for an alternative',
    'Unsubscribe',
    'lost another loyal customer',
    'URGENT',
    'asap',
    'right now',
    'as soon as possible',
    'time-sensitive',
    'still waiting',
    'still no refund',
    '3 hours and still no',
    'several days later no',
    'need help now',
    'help!!',
    'you should add wifi',
    'they ought to fix',
    'would be nice if',
    "it'd be great to",
    'can you please add',
    'could they offer',
    'I wish',
    'we suggest',
    'feature request',
    'how about',
    'please bring back',
    'not working',
    "doesn't load",
    'never arrived',
    'cannot respond',
    "wasn't helpful",
    'stopped showed up',
    'unacceptable',
    'rip-off',
    'ripped off',
    'fed up',
    'Disappointed',
    'Thank you so much',
    'thanks',
    'kudos',
    'shoutout',
    'appreciate it',
    'well done',
    'props to',
    'LOVED',
    'great',
    'superb',
    'best',
  ];

  it('every match of every rule contains one of its anchors, so skipping anchor-less texts loses nothing', () => {
    const rules = Object.values(SIGNAL_RULES).flat();
    let matched = 0;
    for (const text of [...samples, samples.join(' '), samples.join('. ')]) {
      for (const rule of rules) {
        for (const match of text.matchAll(new RegExp(rule.pattern.source, rule.pattern.flags))) {
          matched++;
          const lower = match[0].toLowerCase();
          expect(rule.anchors.some((anchor) => lower.includes(anchor))).toBe(true);
        }
      }
    }
    expect(matched).toBeGreaterThan(samples.length);
  });
});
