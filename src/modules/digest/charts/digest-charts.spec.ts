import { barChart, PIXEL_RATIO, sparkline } from './digest-charts';
import { loadChartLibrary, pngSize } from './render-png';

describe('digest charts', () => {
  beforeAll(() => loadChartLibrary());

  it('renders a sparkline as a PNG of twice its stated size, with gaps for empty weeks', () => {
    const chart = sparkline('nps', 'NPS over 12 weeks', [31, 33, null, 35, 30, 28, 29, 33, 36, 38, 37, 41]);
    expect(pngSize(chart.png)).toEqual({
      width: chart.width * PIXEL_RATIO,
      height: chart.height * PIXEL_RATIO,
    });
    expect(chart.alt).toBe('NPS over 12 weeks');
  });

  it('renders bars whose height follows their number, identically every time (bundled font only)', () => {
    const bars = [
      { label: 'Checkout', value: 120, display: '120' },
      { label: 'Delivery', value: 80, display: '80' },
      { label: 'Billing', value: 20, display: '20' },
    ];
    const chart = barChart('pain', 'Pain points', bars);
    expect(pngSize(chart.png)).toEqual({ width: 1104, height: (24 + 30 * 3) * 2 });
    expect(barChart('pain', 'Pain points', bars).png.equals(chart.png)).toBe(true);
    // The labels are drawn: different text gives different pixels.
    const renamed = barChart('pain', 'Pain points', [{ ...bars[0], label: 'Returns' }, bars[1], bars[2]]);
    expect(renamed.png.equals(chart.png)).toBe(false);
  });

  it('is not a PNG when it is not one', () => {
    expect(pngSize(Buffer.from('GIF89a-not-a-png-at-all-really'))).toBeNull();
  });
});
