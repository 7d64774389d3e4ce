import { Resvg } from '@resvg/resvg-js';
import type * as Echarts from 'echarts';

/** Bundled with the app (the dejavu-fonts-ttf package), never the system's: the same pixels on every machine. */
export const CHART_FONT_FAMILY = 'DejaVu Sans';
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) =>
  require.resolve(`dejavu-fonts-ttf/ttf/${file}`),
);
/** PNGs are drawn at twice their CSS size so they stay sharp on high-density screens. */
export const PIXEL_RATIO = 2;

let echarts: typeof Echarts | undefined;

/** Loads ECharts on first use (about a second at boot otherwise, for processes that may never draw). */
export async function loadChartLibrary(): Promise<void> {
  echarts ??= await import('echarts');
}

/**
 * An ECharts option → SVG (server-side rendering, no DOM) → PNG with resvg. Mail clients show PNG everywhere;
 * SVG and scripts are stripped by most of them.
 */
export function renderChartPng(option: Echarts.EChartsOption, width: number, height: number): Buffer {
  if (!echarts) throw new Error('Call loadChartLibrary() first');
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  let svg: string;
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT_FAMILY }, ...option });
    svg = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: CHART_FONT_FAMILY },
    fitTo: { mode: 'zoom', value: PIXEL_RATIO },
  });
  return resvg.render().asPng();
}

/** Width and height from a PNG's IHDR chunk (null when the bytes are not a PNG). */
export function pngSize(png: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (png.length < 24 || !png.subarray(0, 8).equals(signature) || png.toString('ascii', 12, 16) !== 'IHDR')
    return null;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
