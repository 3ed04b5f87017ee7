import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../server/config';

describe('realtime configuration from the environment', () => {
  it('keeps pokes in-process and names no instance by default', () => {
    expect(loadConfig({})).toMatchObject({ redisUrl: null, instanceName: null });
  });

  it('reads REDIS_URL and INSTANCE_NAME', () => {
    expect(loadConfig({ REDIS_URL: 'redis://cache:6379/0', INSTANCE_NAME: 'eu-1.a' })).toMatchObject({
      redisUrl: 'redis://cache:6379/0',
      instanceName: 'eu-1.a',
    });
    expect(loadConfig({ REDIS_URL: 'rediss://user:pw@cache:6380' }).redisUrl).toBe('rediss://user:pw@cache:6380');
  });

  it.each([
    [{ REDIS_URL: 'http://cache:6379' }, 'REDIS_URL'],
    [{ REDIS_URL: 'cache:6379' }, 'REDIS_URL'],
    [{ INSTANCE_NAME: 'has space' }, 'INSTANCE_NAME'],
    [{ INSTANCE_NAME: 'x'.repeat(65) }, 'INSTANCE_NAME'],
  ])('stops with a message naming the variable for %o', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(variable);
  });
});
