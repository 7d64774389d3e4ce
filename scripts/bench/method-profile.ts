/**
 * Wall time per service method while a piece of work runs: each listed method is wrapped in place (the app's
 * instances share the prototype), so the real calls are timed, with no change to the code under test. Calls
 * that run concurrently overlap, so the totals add up to more than the wall time.
 */
export class MethodProfile {
  private readonly times = new Map<string, number[]>();

  wrap(label: string, prototype: object, methods: string[]): this {
    const target = prototype as Record<string, unknown>;
    for (const method of methods) {
      const original = target[method];
      if (typeof original !== 'function') throw new Error(`${label}.${method} is not a method`);
      const times = this.times;
      const name = `${label}.${method}`;
      target[method] = async function (this: unknown, ...args: unknown[]) {
        const t0 = performance.now();
        try {
          return await (original as (...a: unknown[]) => Promise<unknown>).apply(this, args);
        } finally {
          times.set(name, [...(times.get(name) ?? []), performance.now() - t0]);
        }
      };
    }
    return this;
  }

  /** The same for synchronous functions (a module's exports object works too: compiled calls read it each time). */
  wrapSync(label: string, target: object, methods: string[]): this {
    const holder = target as Record<string, unknown>;
    for (const method of methods) {
      const original = holder[method];
      if (typeof original !== 'function') throw new Error(`${label}.${method} is not a function`);
      const times = this.times;
      const name = `${label}.${method}`;
      holder[method] = function (this: unknown, ...args: unknown[]) {
        const t0 = performance.now();
        try {
          return (original as (...a: unknown[]) => unknown).apply(this, args);
        } finally {
          times.set(name, [...(times.get(name) ?? []), performance.now() - t0]);
        }
      };
    }
    return this;
  }

  reset(): void {
    this.times.clear();
  }

  /** A Markdown table, the slowest total first. */
  table(): string {
    const rows = [...this.times]
      .map(([name, ts]) => ({
        name,
        calls: ts.length,
        total: ts.reduce((a, b) => a + b, 0),
        max: Math.max(...ts),
      }))
      .sort((a, b) => b.total - a.total);
    return [
      '| call | calls | total ms (overlapping) | slowest ms |',
      '|---|---:|---:|---:|',
      ...rows.map((r) => `| ${r.name} | ${r.calls} | ${r.total.toFixed(0)} | ${r.max.toFixed(0)} |`),
    ].join('\n');
  }
}
