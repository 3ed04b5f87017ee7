/**
 * `npm run start:cluster` (scripts/cluster.ts) end to end: two instances on PostgreSQL and Redis
 * behind the proxy, on a throwaway database, on free ports (never the fixed 8080-8082).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_SERVER_RESTART, SYNC_WS_PATH } from '../../../src/contract';
import { postgresUrl, probePostgres, probeRedis, redisUrl } from '../../support/services';
import { HttpUser } from './support/httpClient';
import { TestSocket } from './support/testSocket';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const [postgres, redis] = [await probePostgres(), await probeRedis()];
/** Two sequential server starts (migrations, catalogue seed) on a loaded 2-core machine. */
const START_TIMEOUT_MS = 90_000;

describe.skipIf(!postgres.available || !redis.available)('npm run start:cluster', () => {
  const database = `favorites_cluster_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl() });
  let cluster: ChildProcess;
  let origin: string;
  let output = '';

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`create database ${database}`);
    const databaseUrl = new URL(postgresUrl());
    databaseUrl.pathname = `/${database}`;
    cluster = spawn(process.execPath, ['--import', 'tsx', 'scripts/cluster.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl.toString(),
        REDIS_URL: redisUrl(),
        CLUSTER_PORT: '0',
        CLUSTER_INSTANCE_PORTS: '0,0',
        LOG_LEVEL: 'warn',
        STATIC_DIR: path.join(ROOT, 'no-such-dir'),
        METRICS_TOKEN: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cluster.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    for await (const line of createInterface({ input: cluster.stdout! })) {
      output += `${line}\n`;
      const url = /^favorites cluster is running at (http:\/\/\S+) /.exec(line)?.[1];
      if (url) {
        origin = url;
        break;
      }
    }
    if (!origin) throw new Error(`the cluster did not start:\n${output}`);
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    if (cluster && cluster.exitCode === null && cluster.signalCode === null) cluster.kill('SIGKILL');
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
  });

  it('answers at one address from both instances in turn', async () => {
    const names = [];
    for (let i = 0; i < 4; i++) names.push((await fetch(`${origin}/healthz`)).headers.get('x-instance'));
    expect(new Set(names)).toEqual(new Set(['instance-1', 'instance-2']));
    expect(names[0]).not.toBe(names[1]);
  });

  it('pokes the sockets on both instances after a save, and closes them with 1012 when stopped', async () => {
    const user = await HttpUser.signup(origin);
    const wsUrl = `${origin.replace(/^http/, 'ws')}${SYNC_WS_PATH}`;
    // Round robin: consecutive upgrades land on different instances.
    const sockets = [await TestSocket.open(wsUrl, { headers: user.cookie }), await TestSocket.open(wsUrl, { headers: user.cookie })];
    await user.save((await user.articleIds(1))[0]!);
    const space = await user.space();
    for (const socket of sockets) expect(await socket.next('poke')).toEqual({ type: 'poke', space, version: 1 });

    const exited = once(cluster, 'exit');
    cluster.kill('SIGTERM');
    for (const socket of sockets) expect((await socket.closed).code).toBe(CLOSE_SERVER_RESTART);
    const [code] = await exited;
    expect(code, output).toBe(0);
  }, 30_000);
});
