// Starts the scale-out tier for the browser tests: `npm run start:cluster` (two instances
// behind the reverse proxy) on a throwaway PostgreSQL database (dropped on exit) and Redis,
// serving the built app. Ports from E2E_CLUSTER_PORT and E2E_CLUSTER_INSTANCE_PORTS.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const baseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const database = `favorites_e2e_${randomBytes(5).toString('hex')}`;
const admin = new pg.Client({ connectionString: baseUrl });
await admin.connect();
await admin.query(`create database ${database}`);
const databaseUrl = new URL(baseUrl);
databaseUrl.pathname = `/${database}`;

const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/cluster.ts'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_URL: databaseUrl.toString(),
    REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
    CLUSTER_PORT: process.env.E2E_CLUSTER_PORT ?? '4321',
    CLUSTER_INSTANCE_PORTS: process.env.E2E_CLUSTER_INSTANCE_PORTS ?? '4322,4323',
    STATIC_DIR: 'dist',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    METRICS_TOKEN: '',
  },
});

let dropping = false;
async function dropDatabase() {
  if (dropping) return;
  dropping = true;
  try {
    await admin.query(`drop database if exists ${database} with (force)`);
  } finally {
    await admin.end();
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => {
  dropDatabase().finally(() => process.exit(code ?? 0));
});
