/**
 * The alert rules in docs/operations.md must watch metrics the server really exposes: a renamed
 * metric would otherwise leave an alert that can never fire, silently.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exposition } from './support/exposition';
import { scrape, startServer, type TestServer } from './support/metricsServer';

const OPERATIONS_DOC = path.resolve(import.meta.dirname, '../../../docs/operations.md');
/** Recorded by Prometheus itself for every target, not exposed by the server. */
const PROMETHEUS_OWN = new Set(['up']);
const PROMQL_WORDS = new Set(['and', 'or', 'unless', 'bool', 'offset']);

/** The YAML block of the "Alert rules" section. */
function alertRulesYaml(markdown: string): string {
  const section = markdown.split(/^## Alert rules$/m)[1];
  const block = section && /```yaml\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('docs/operations.md has no yaml block under "## Alert rules"');
  return block[1]!;
}

/** Every `expr:` of the rules, each written on one line. */
function expressions(yaml: string): string[] {
  return [...yaml.matchAll(/^\s*expr:\s*(.+)$/gm)].map((match) => match[1]!.trim());
}

/** Metric names in a PromQL expression: what is left without matchers, ranges, functions, clauses and numbers. */
function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/\b[a-z_]+\s*\(/g, ' (')
    .replace(/\b\d+(\.\d+)?\b/g, ' ');
  return [...new Set(bare.match(/[a-zA-Z_:][a-zA-Z0-9_:]*/g) ?? [])].filter((word) => !PROMQL_WORDS.has(word));
}

function exposedNames(exposition: Exposition): Set<string> {
  const names = new Set(exposition.samples.map((sample) => sample.name));
  for (const [family, type] of exposition.types) {
    names.add(family);
    if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(family + suffix);
  }
  return names;
}

const yaml = alertRulesYaml(readFileSync(OPERATIONS_DOC, 'utf8'));
let server: TestServer;
let exposed: Set<string>;

beforeAll(async () => {
  server = await startServer();
  exposed = exposedNames(await scrape(server.app));
});

afterAll(async () => {
  await server?.close();
});

describe('the alert rules in docs/operations.md', () => {
  it('alert at the thresholds users care about', () => {
    const all = expressions(yaml).join('\n');
    expect(all).toMatch(/status=~"5\.\."[^\n]*> 0\.01$/m); // error rate over 1 %
    expect(all).toMatch(/histogram_quantile\(0\.99, [^\n]*http_request_duration_seconds_bucket[^\n]*> 0\.5$/m);
    expect(all).toMatch(/histogram_quantile\(0\.99, [^\n]*db_query_duration_seconds_bucket[^\n]*> 0\.1$/m);
    expect(all).toMatch(/process_resident_memory_bytes[^\n]*process_memory_limit_bytes[^\n]*> 0\.8$/m);
    expect(all).toMatch(/reason="abnormal"[^\n]*websocket_connections_opened_total[^\n]*> 0\.001$/m);
  });

  it('give every rule a for: duration, a severity and a runbook', () => {
    const count = (pattern: RegExp) => yaml.match(pattern)?.length ?? 0;
    const rules = count(/^\s*- alert: \S+$/gm);
    expect(rules).toBeGreaterThanOrEqual(5);
    expect(count(/^\s*expr: \S.*$/gm)).toBe(rules);
    expect(count(/^\s*for: \d+[smh]$/gm)).toBe(rules);
    expect(count(/^\s*severity: (page|warn)$/gm)).toBe(rules);
    expect(count(/^\s*runbook: ".+"$/gm)).toBe(rules);
  });

  it('use only metrics that /metrics exposes', () => {
    const used = new Set(expressions(yaml).flatMap(metricNames));
    expect(used.size).toBeGreaterThanOrEqual(7);
    const missing = [...used].filter((name) => !exposed.has(name) && !PROMETHEUS_OWN.has(name));
    expect(missing).toEqual([]);
  });
});
