/**
 * `npm run start:cluster`: the scale-out tier on one machine. Two server instances (child
 * processes) on PostgreSQL (DATABASE_URL) and Redis (REDIS_URL), behind ONE address served by a
 * small reverse proxy (scripts/cluster/reverseProxy.ts, round robin, WebSockets included).
 * Each response names its instance in `x-instance`. SIGINT/SIGTERM stop the instances (they
 * drain: sockets closed with 1012, pushes in flight finished), then the proxy.
 *
 * Settings (environment): CLUSTER_HOST (127.0.0.1) and CLUSTER_PORT (8080) for the proxy;
 * CLUSTER_INSTANCE_PORTS (8081,8082: one instance per port, 0 = any free port); DATABASE_URL and
 * REDIS_URL, defaulting to this machine's PostgreSQL and Redis (said when used); everything
 * else (STATIC_DIR, LOG_LEVEL, METRICS_TOKEN, …) reaches the instances as it is.
 * The instances start one after the other, so only the first runs the migrations and the seed.
 */
import { loadConfig } from '../server/config';
import { startInstance, type InstanceProcess } from './cluster/instanceProcess';
import { createReverseProxy, type ReverseProxy } from './cluster/reverseProxy';

const LOCAL_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
const LOCAL_REDIS_URL = 'redis://127.0.0.1:6379';

function setting(name: string, fallback: string, announce: boolean): string {
  const value = process.env[name];
  if (value) return value;
  if (announce) console.log(`${name} is not set: using this machine's ${fallback}`);
  return fallback;
}

function port(name: string, text: string): number {
  const value = Number(text.trim());
  if (!Number.isInteger(value) || value < 0 || value > 65_535) throw new Error(`${name}: "${text}" is not a port number`);
  return value;
}

async function main(): Promise<void> {
  const host = setting('CLUSTER_HOST', '127.0.0.1', false);
  const proxyPort = port('CLUSTER_PORT', setting('CLUSTER_PORT', '8080', false));
  const instancePorts = setting('CLUSTER_INSTANCE_PORTS', '8081,8082', false)
    .split(',')
    .map((text) => port('CLUSTER_INSTANCE_PORTS', text));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: setting('DATABASE_URL', LOCAL_DATABASE_URL, true),
    REDIS_URL: setting('REDIS_URL', LOCAL_REDIS_URL, true),
    // Instances listen privately; only the proxy faces clients, and it sets X-Forwarded-For.
    HOST: '127.0.0.1',
    TRUST_PROXY: 'true',
  };
  // The instances' settings are checked once here, so a typo stops the cluster before it starts.
  loadConfig(env);

  const instances: InstanceProcess[] = [];
  let proxy: ReverseProxy | undefined;
  let stopping = false;
  // The instances first (the proxy still relays their last answers and close frames), then the proxy.
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const codes = await Promise.all(instances.map((instance) => instance.stop()));
    await proxy?.close();
    process.exit(codes.every((exit) => exit === 0) ? code : 1);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(0));

  try {
    for (const [i, instancePort] of instancePorts.entries()) {
      const instance = await startInstance(`instance-${i + 1}`, instancePort, env);
      instances.push(instance);
      instance.child.once('exit', (code, signal) => {
        if (stopping) return;
        console.error(`${instance.name} exited on its own (code ${code}, signal ${signal}): stopping the cluster`);
        void stop(1);
      });
    }
    proxy = createReverseProxy(instances.map(({ origin }) => ({ host: new URL(origin).hostname, port: Number(new URL(origin).port) })));
    const address = await proxy.listen(proxyPort, host);
    const list = instances.map(({ name, origin }) => `${name} ${origin}`).join(', ');
    console.log(`favorites cluster is running at ${address} (${list})`);
  } catch (error) {
    console.error('the cluster failed to start:', error instanceof Error ? error.message : error);
    await stop(1);
  }
}

main().catch((error: unknown) => {
  console.error('the cluster failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
