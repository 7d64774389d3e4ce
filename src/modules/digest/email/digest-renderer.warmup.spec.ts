import { sparkline } from '../charts/digest-charts';
import { pngSize } from '../charts/render-png';
import { warmDigestRenderer } from './digest-renderer.warmup';

describe('warmDigestRenderer', () => {
  it('leaves the chart library loaded and the renderer working', async () => {
    expect(() => sparkline('cold', 'cold', [1, 2])).toThrow('loadChartLibrary');
    const parts = await warmDigestRenderer();
    expect(parts.charts).toBeGreaterThan(0);
    expect(parts.mjml).toBeGreaterThan(0);
    const chart = sparkline('warm', 'warm', [1, 3, 2]);
    expect(pngSize(chart.png)).toEqual({ width: chart.width * 2, height: chart.height * 2 });
  });
});
