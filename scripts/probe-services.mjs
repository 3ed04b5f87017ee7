// Exit 0 when PostgreSQL (DATABASE_URL) and Redis (REDIS_URL) both accept a TCP connection,
// else exit 1 naming what is missing. Used synchronously by playwright.config.ts, which can
// only include the cluster browser tests when the services are there.
import { Socket } from 'node:net';

const services = [
  ['PostgreSQL', process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'],
  ['Redis', process.env.REDIS_URL || 'redis://127.0.0.1:6379'],
];

function reachable(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(Number(port), hostname, () => done(true));
  });
}

const missing = [];
for (const [name, url] of services) if (!(await reachable(url))) missing.push(`${name} at ${url}`);
if (missing.length > 0) {
  console.log(missing.join(', '));
  process.exit(1);
}
