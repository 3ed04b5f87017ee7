import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../server/config';

describe('METRICS_TOKEN', () => {
  it('is unset by default: /metrics is off', () => {
    expect(loadConfig({}).metricsToken).toBeNull();
    expect(loadConfig({ METRICS_TOKEN: '' }).metricsToken).toBeNull();
  });

  it('takes a token of at least 16 bearer-token characters', () => {
    const token = 'b6f0c5e3a1d94c2e8f7a6b5c4d3e2f10';
    expect(loadConfig({ METRICS_TOKEN: token }).metricsToken).toBe(token);
    expect(loadConfig({ METRICS_TOKEN: 'abcDEF012_~+/=.-' }).metricsToken).toBe('abcDEF012_~+/=.-');
  });

  it.each([
    ['too short', 'short-token'],
    ['with a space', 'a token with spaces in it'],
    ['with a quote', 'abcdefghijklmnop"'],
    ['with a newline', 'abcdefghijklmnop\nq'],
  ])('refuses a token %s, naming the variable', (_case, token) => {
    expect(() => loadConfig({ METRICS_TOKEN: token })).toThrow(ConfigError);
    expect(() => loadConfig({ METRICS_TOKEN: token })).toThrow(/METRICS_TOKEN: must be at least 16 characters/);
  });
});
