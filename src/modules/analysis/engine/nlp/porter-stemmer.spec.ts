import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Imports a module fresh from inside a temp dir holding a .env; reports what leaked. */
function importInDirWithDotenv(load: () => void): { leaked: string | undefined; printed: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'hearken-nlp-'));
  const previousDir = process.cwd();
  const printed: string[] = [];
  const spies = [
    jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.join(' '))),
    jest.spyOn(console, 'info').mockImplementation((...args: unknown[]) => void printed.push(args.join(' '))),
    jest
      .spyOn(process.stdout, 'write')
      .mockImplementation((chunk: unknown) => (printed.push(String(chunk)), true)),
  ];
  try {
    writeFileSync(join(dir, '.env'), 'HEARKEN_NLP_LEAK=leaked\n');
    process.chdir(dir);
    jest.isolateModules(load);
    return { leaked: process.env.HEARKEN_NLP_LEAK, printed };
  } finally {
    spies.forEach((s) => s.mockRestore());
    process.chdir(previousDir);
    delete process.env.HEARKEN_NLP_LEAK;
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('porter-stemmer wrapper around natural', () => {
  it('loads no .env and prints nothing when imported', () => {
    let stem: ((w: string) => string) | undefined;
    const result = importInDirWithDotenv(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      stem = (require('./porter-stemmer') as typeof import('./porter-stemmer')).stemWord;
    });
    expect(result.leaked).toBeUndefined();
    expect(result.printed).toEqual([]);
    expect(stem?.('delayed')).toBe('delai');
    expect(stem?.('cancelled')).toBe('cancel');
  });

  it('control: what natural’s storage modules run (dotenv.config) is caught, so the check above can fail', () => {
    // natural's root cannot load under Jest (an ESM dependency), so run the very call its storage modules make.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const result = importInDirWithDotenv(() => (require('dotenv') as { config(): unknown }).config());
    expect(result.leaked).toBe('leaked');
    expect(result.printed.join('')).toContain('.env');
  });
});
