import { createAnalysisPipeline } from '../analyse-text';

/** "Third time this week." was scored as praise: the family of repeat complaints, through the whole pipeline. */
describe('repeat complaints', () => {
  const pipeline = createAnalysisPipeline();
  const signalsOf = (text: string) => pipeline.analyse(text).signals.map((s) => s.type);

  it.each([
    'Third time this week.',
    'Second time this month my order is late.',
    'For the third time, my parcel is missing.',
    'Yet again the app logged me out.',
    'Still not fixed.',
    'How many times do I have to call?',
    'It happened again.',
    'Not again!',
    'The app crashed. Again!',
    'Again!',
    '3rd time in a row the courier did not ring.',
  ])('%s is a complaint, not praise', (text) => {
    const signals = signalsOf(text);
    expect(signals).toContain('complaint');
    expect(signals).not.toContain('praise');
    const evidence = pipeline.analyse(text).signals.find((s) => s.type === 'complaint')!.evidence;
    for (const e of evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it.each(['Third time this week.', 'For the third time, my parcel is missing.', 'Still not fixed.'])(
    '%s reads negative',
    (text) => expect(pipeline.analyse(text).sentiment?.label).toBe('negative'),
  );

  it.each([
    'Second time ordering, love it.',
    'Great, arrived on time again!',
    'Once again, brilliant service from the team!',
    'I will order again.',
    'Perfect fit. Again, thanks!',
  ])('%s is no repeat complaint', (text) => {
    expect(signalsOf(text)).not.toContain('complaint');
    expect(pipeline.analyse(text).sentiment?.label).not.toBe('negative');
  });
});
