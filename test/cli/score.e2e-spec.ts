import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/spawn-process';

jest.setTimeout(30_000);

const line = (i: number) =>
  JSON.stringify({ id: String(i), text: `The refund took weeks, support was rude. #${i}` });

/** Runs the compiled `npm run score` script with `input` on stdin; `readLines` stops reading after that many. */
function score(
  input: string,
  readLines: number,
): Promise<{ code: number | null; lines: string[]; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'dist/scripts/score.js')], { cwd: REPO_ROOT });
    const lines: string[] = [];
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d) => {
      buffered += d;
      const parts = buffered.split('\n');
      buffered = parts.pop()!;
      lines.push(...parts);
      // Like `| head`: stop reading once enough has come.
      if (lines.length >= readLines) child.stdout.destroy();
    });
    child.on('close', (code) => done({ code, lines: lines.slice(0, readLines), stderr }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

describe('npm run score (compiled script)', () => {
  it('writes one line per input, in order', async () => {
    const { code, lines } = await score([0, 1, 2].map(line).join('\n'), 3);
    expect(code).toBe(0);
    expect(lines.map((l) => JSON.parse(l).id)).toEqual(['0', '1', '2']);
    expect(JSON.parse(lines[0]).sentiment.label).toBe('negative');
  });

  it('ends quietly with exit code 0 when the reader stops early (| head)', async () => {
    const input = Array.from({ length: 20_000 }, (_, i) => line(i)).join('\n');
    const { code, lines, stderr } = await score(input, 1);
    expect(lines).toHaveLength(1);
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(0);
  });
});
