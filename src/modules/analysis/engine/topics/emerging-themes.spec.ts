import { findEmergingThemes } from './emerging-themes';

const baseline = [
  'The food was good and the service friendly.',
  'Delivery took three days, fine.',
  'Nice staff, clean tables.',
  'The food was cold.',
  'Service was slow tonight.',
  'Delivery arrived on time.',
];

describe('findEmergingThemes', () => {
  const recent = [
    'The new app keeps crashing at checkout.',
    'App crashes at checkout every time!',
    'Checkout crashed twice in the app.',
    'The app crashed at checkout again.',
    'Food was good.',
    'Delivery was late.',
  ];

  it('surfaces phrases that are new in the recent period, with counts and examples', () => {
    const themes = findEmergingThemes(recent, baseline);
    const checkout = themes.find((t) => t.key === 'checkout');
    expect(checkout).toMatchObject({ recentCount: 4, baselineCount: 0, isNew: true });
    expect(checkout?.examples).toHaveLength(3);
    expect(themes.some((t) => t.key.startsWith('crash'))).toBe(true);
  });

  it('groups inflections under one stem and shows a surface form', () => {
    const crash = findEmergingThemes(recent, baseline).find((t) => t.key === 'crash');
    expect(crash?.recentCount).toBe(4);
    expect(['crashed', 'crashing', 'crashes']).toContain(crash?.phrase);
  });

  it('ignores phrases as common in the baseline as now, and stop words', () => {
    const keys = findEmergingThemes(recent, baseline, { minRecentCount: 1 }).map((t) => t.key);
    expect(keys).not.toContain('food');
    expect(keys).not.toContain('the');
  });

  it('prefers a longer phrase that covers the shorter one', () => {
    const texts = ['lost luggage again', 'my lost luggage', 'lost luggage!!', 'lost luggage twice'];
    const themes = findEmergingThemes(texts, ['fine flight']);
    expect(themes.map((t) => t.key)).toEqual(['lost luggag']);
  });

  it('lets a longer phrase replace every shorter one it holds, not only the first', () => {
    const texts = [
      'I bought trekking poles',
      'the trekking poles broke',
      'trekking poles are light',
      'new trekking poles',
      'poles',
    ];
    const keys = findEmergingThemes(texts, ['fine flight']).map((t) => t.key);
    expect(keys).toContain('trek pole');
    expect(keys).not.toContain('trek');
    expect(keys).not.toContain('pole');
  });

  it('names phrases of the same texts once, by the longest', () => {
    const texts = [
      'Saw your ad for the poles and it was exactly what I was looking for.',
      'Saw your ad for the jacket, exactly what I was looking for!',
      'Saw your ad for the tent and it was exactly what I was looking for.',
      'Saw your ad for the boots: exactly what I was looking for.',
    ];
    const keys = findEmergingThemes(texts, ['fine flight', 'nice boots']).map((t) => t.key);
    expect(keys).toContain('saw your ad');
    expect(keys).not.toContain('exactli');
    expect(keys).not.toContain('look');
  });

  it('is pure', () => {
    expect(findEmergingThemes(recent, baseline)).toEqual(findEmergingThemes(recent, baseline));
  });
});
