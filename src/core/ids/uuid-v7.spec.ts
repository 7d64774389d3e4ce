import { isUUID } from 'class-validator';
import { uuidV7 } from './uuid-v7';

describe('uuidV7', () => {
  it('makes valid, unique version-7 UUIDs', () => {
    const ids = Array.from({ length: 5000 }, () => uuidV7());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 50)) {
      expect(isUUID(id)).toBe(true);
      expect(id[14]).toBe('7');
      expect('89ab').toContain(id[19]);
    }
  });

  it('sorts by creation time across milliseconds', () => {
    const earlier = uuidV7(1_700_000_000_000);
    const later = uuidV7(1_700_000_000_001);
    expect(earlier < later).toBe(true);
    expect(earlier.slice(0, 13)).toBe('018bcfe5-6800');
  });
});
