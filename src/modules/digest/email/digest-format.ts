import { DigestContent, DigestMetric, DigestSlice } from '../content/digest-content.types';

/** Said next to a figure whose sample is below 30. */
export const SMALL = 'small sample: read with care';

/** Number and date formats in the reader's locale; the words stay English. */
export class DigestFormat {
  private readonly integer: Intl.NumberFormat;
  private readonly decimal: Intl.NumberFormat;
  private readonly signed: Intl.NumberFormat;
  private readonly percent: Intl.NumberFormat;
  private readonly signedPercentPoints: Intl.NumberFormat;
  private readonly date: Intl.DateTimeFormat;

  constructor(
    readonly locale: string,
    readonly timeZone: string,
  ) {
    this.integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    this.decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    this.signed = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
    this.percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    this.signedPercentPoints = new Intl.NumberFormat(locale, {
      maximumFractionDigits: 1,
      signDisplay: 'exceptZero',
    });
    this.date = new Intl.DateTimeFormat(locale, {
      timeZone,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    });
  }

  count(n: number): string {
    return this.integer.format(n);
  }

  /** A metric's value: NPS as a score, shares as percentages. */
  value(metric: DigestMetric, value: number | null = metric.value): string {
    if (value === null) return '–';
    return isShare(metric.key) ? this.percent.format(value) : this.decimal.format(value);
  }

  /** A metric's change: NPS in points, shares in percentage points. */
  change(metric: DigestMetric): string {
    if (metric.change === null) return 'no comparison';
    return isShare(metric.key)
      ? `${this.signedPercentPoints.format(metric.change * 100)} pp`
      : `${this.signed.format(metric.change)} pts`;
  }

  /** A number with one decimal (an impact of 0.4 items must not read as 0). */
  oneDecimal(x: number): string {
    return this.decimal.format(x);
  }

  /** A share (0..1) as a percentage. */
  share(x: number): string {
    return this.percent.format(x);
  }

  /** A number with its sign and at most one decimal. */
  signedNumber(x: number): string {
    return this.signed.format(x);
  }

  /** A share's change in percentage points. */
  signedPoints(change: number): string {
    return `${this.signedPercentPoints.format(change * 100)} pp`;
  }

  /** A p-value: two significant digits, very small ones as `< 0.001`. */
  pValue(p: number): string {
    if (p < 0.001) return `< ${new Intl.NumberFormat(this.locale).format(0.001)}`;
    return new Intl.NumberFormat(this.locale, { maximumSignificantDigits: 2 }).format(p);
  }

  relative(current: number, previous: number): string {
    if (previous === 0) return current === 0 ? 'no change' : 'none the week before';
    return `${this.signed.format(((current - previous) / previous) * 100)} % vs the week before`;
  }

  /** `16 Nov 2026 – 22 Nov 2026` in the reader's zone (the end shown is the week's last day). */
  weekSpan(content: DigestContent): string {
    const lastDay = new Date(new Date(content.to).getTime() - 1);
    return this.date.formatRange(new Date(content.from), lastDay);
  }
}

const isShare = (key: string) => key === 'csat' || key.endsWith('_share') || key === 'net_sentiment';

export function sliceLabel(slice: DigestSlice | null): string | null {
  if (!slice) return null;
  const parts = Object.entries(slice).map(([k, v]) => `${k} ${v}`);
  return parts.length ? parts.join(', ') : null;
}
