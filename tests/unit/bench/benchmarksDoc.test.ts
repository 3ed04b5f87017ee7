import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updateBenchmarksDoc } from '../../../bench/lib/benchmarksDoc';

describe('docs/benchmarks.md updates', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'bench-doc-'));
    file = path.join(dir, 'benchmarks.md');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the document with every section, unmeasured ones marked as such', () => {
    updateBenchmarksDoc(file, { query: '| query table |' });
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('| query table |');
    expect(text).toContain('_Not measured yet: `npm run bench -- http`._');
    expect(text.indexOf('bench:seed:start')).toBeLessThan(text.indexOf('bench:query:start'));
  });

  it('replaces only the sections of the parts that ran and keeps prose written around them', () => {
    updateBenchmarksDoc(file, { query: 'old query', http: 'old http' });
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n## Notes\n\nHand-written analysis.\n`);

    updateBenchmarksDoc(file, { query: 'new query' });

    const text = readFileSync(file, 'utf8');
    expect(text).toContain('new query');
    expect(text).not.toContain('old query');
    expect(text).toContain('old http');
    expect(text).toContain('Hand-written analysis.');
  });

  it('appends a section whose markers someone removed instead of losing its figures', () => {
    writeFileSync(file, '# Benchmarks\n\nNothing here yet.\n');
    updateBenchmarksDoc(file, { firstload: 'first load table' });
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('Nothing here yet.');
    expect(text).toMatch(/<!-- bench:firstload:start -->\nfirst load table\n<!-- bench:firstload:end -->/);
  });
});
