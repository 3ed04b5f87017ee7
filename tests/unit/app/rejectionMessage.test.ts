import { describe, expect, it } from 'vitest';
import { rejectionMessage } from '../../../src/app/sync/rejectionMessage';
import type { RejectedWrite } from '../../../src/sync';

const rejected = (saved: boolean | undefined, reason: string, title?: string): RejectedWrite => ({
  entry: { id: 4, op: 'favorite.set.v1', args: { articleId: 'a1', ...(saved === undefined ? {} : { saved }) }, hlc: 'h', queuedAtMs: 0 },
  reason,
  ...(title !== undefined ? { title } : {}),
});

describe('the alert for a write the server refused', () => {
  it('names the article and says why in words', () => {
    expect(rejectionMessage(rejected(true, 'unknown_article', 'Rust in 2024'))).toBe(
      "Couldn't save “Rust in 2024”: the article is no longer in the catalogue",
    );
  });

  it('says remove for a removal', () => {
    expect(rejectionMessage(rejected(false, 'invalid_mutation', 'T'))).toBe("Couldn't remove “T”: the server refused the change as malformed");
  });

  it('shows an unknown reason as it came, readable, and copes with a missing title', () => {
    expect(rejectionMessage(rejected(undefined, 'quota_exceeded'))).toBe("Couldn't save “an article”: quota exceeded");
  });
});
