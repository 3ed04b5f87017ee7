import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';

/** tsx compiling server/main.ts in a child process: several seconds on a busy 2-core machine. */
const SPAWN_TIMEOUT_MS = 30_000;

describe('configuration from the environment', () => {
  it('has defaults for everything', () => {
    expect(loadConfig({}, '/srv/app')).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/srv/app/data',
      databaseFile: '/srv/app/data/favorites.sqlite',
      logLevel: 'info',
      staticDir: '/srv/app/dist',
      trustProxy: false,
      databaseUrl: null,
      metricsToken: null,
      redisUrl: null,
      instanceName: null,
      workers: 1,
    });
  });

  it('reads every variable, resolving directories against the working directory', () => {
    const config = loadConfig(
      { PORT: '0', HOST: '0.0.0.0', DATA_DIR: '/var/lib/fav', LOG_LEVEL: 'silent', STATIC_DIR: 'web', TRUST_PROXY: 'true' },
      '/srv/app',
    );
    expect(config).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      databaseFile: '/var/lib/fav/favorites.sqlite',
      logLevel: 'silent',
      staticDir: '/srv/app/web',
      trustProxy: true,
    });
  });

  it('reads DATABASE_URL as PostgreSQL instead of the SQLite file', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://app@db.internal:5432/favorites' }).databaseUrl).toBe(
      'postgres://app@db.internal:5432/favorites',
    );
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/favorites' }).databaseUrl).toBe('postgresql://db/favorites');
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeNull();
  });

  it('reads WORKERS as a number of processes, auto as one per core', () => {
    expect(loadConfig({ WORKERS: '4' }).workers).toBe(4);
    expect(loadConfig({ WORKERS: 'auto' }).workers).toBe(availableParallelism());
    expect(loadConfig({ WORKERS: '' }).workers).toBe(1);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', LOG_LEVEL: '' }).port).toBe(8080);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: '-1' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ TRUST_PROXY: 'yes please' }, 'TRUST_PROXY'],
    [{ DATABASE_URL: 'mysql://db/favorites' }, 'DATABASE_URL'],
    [{ DATABASE_URL: '/var/lib/favorites.sqlite' }, 'DATABASE_URL'],
    [{ WORKERS: '0' }, 'WORKERS'],
    [{ WORKERS: 'abc' }, 'WORKERS'],
    [{ WORKERS: '-2' }, 'WORKERS'],
    [{ WORKERS: '1.5' }, 'WORKERS'],
    [{ WORKERS: '10000' }, 'WORKERS'],
  ])('refuses %j with a message naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`${variable}: `));
  });

  it('stops the server at start with exit code 1 and the message', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: root,
      env: { ...process.env, PORT: 'not-a-port', LOG_LEVEL: 'loud', WORKERS: '0' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toContain('PORT: must be a port number');
    expect(result.stderr).toContain('LOG_LEVEL: must be one of');
    expect(result.stderr).toContain('WORKERS: must be a whole number from 1 to');
  }, SPAWN_TIMEOUT_MS);
});
