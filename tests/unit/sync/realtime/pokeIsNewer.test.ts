import { describe, expect, it } from 'vitest';
import { encodeSyncCursor } from '../../../../src/contract/sync';
import { pokeIsNewer } from '../../../../src/sync/realtime';

const ARTICLE = 'AAAAAAAAAAAAAAAAAAAAAA';
const cursor = encodeSyncCursor({ 'u:user1': [7, ARTICLE], 'c:shared': [2, ARTICLE] });

describe('pokeIsNewer', () => {
  it('is true only for a version beyond the one the cursor reached in that space', () => {
    expect(pokeIsNewer(cursor, 'u:user1', 8)).toBe(true);
    expect(pokeIsNewer(cursor, 'u:user1', 7)).toBe(false);
    expect(pokeIsNewer(cursor, 'u:user1', 1)).toBe(false);
    expect(pokeIsNewer(cursor, 'c:shared', 3)).toBe(true);
  });

  it('is true for a space the cursor does not know and before the first pull', () => {
    expect(pokeIsNewer(cursor, 'c:other', 1)).toBe(true);
    expect(pokeIsNewer(null, 'u:user1', 1)).toBe(true);
  });

  it('is true next to a cursor that does not decode (a needless pull beats a missed one)', () => {
    expect(pokeIsNewer('garbage', 'u:user1', 1)).toBe(true);
  });
});
