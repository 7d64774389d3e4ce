import { cpuSeconds } from './process-cpu';

describe('process CPU accounting', () => {
  const linux = process.platform === 'linux';

  (linux ? it : it.skip)('reads the CPU time a process has used, growing as it works', () => {
    const before = cpuSeconds(process.pid)!;
    const started = Date.now();
    let spin = 0;
    while (Date.now() - started < 60) spin += Math.sqrt(spin + 1);
    expect(spin).toBeGreaterThan(0);
    expect(before).toBeGreaterThan(0);
    expect(cpuSeconds(process.pid)!).toBeGreaterThan(before);
  });

  it('answers undefined for no process or one that does not exist', () => {
    expect(cpuSeconds(undefined)).toBeUndefined();
    expect(cpuSeconds(2 ** 22 + 12_345)).toBeUndefined();
  });
});
