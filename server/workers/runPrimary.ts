/**
 * The primary of a multi-process server (`WORKERS` > 1, node:cluster). It serves no request
 * itself. It:
 * 1. prepares the database once (migrations, catalogue seed), so workers never race on them;
 * 2. forks the workers; each builds the server and listens on the shared port (cluster hands
 *    new connections to them in turn), and reports `onListening` once they all listen;
 * 3. relays pokes between workers (ipcPubSub.ts) and answers their /metrics aggregation
 *    requests (clusterMetrics.ts);
 * 4. replaces a worker that dies (at most once a second per worker, respawnDelay.ts). A worker
 *    that dies before the server ever listened is a start failure: it stops everything (exit 1),
 *    as one process would;
 * 5. on SIGINT/SIGTERM forwards the signal to every worker (each drains as a lone server does:
 *    stops accepting, closes sockets with 1012, finishes requests, closes the database), waits for
 *    them all, and exits 0 when they all exited 0. A second signal kills them and exits 1.
 */
import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../config';
import { answerClusterMetricsRequests } from '../metrics/clusterMetrics';
import { relayRealtimeMessage } from '../realtime/ipcPubSub';
import { prepareStorage } from './prepareStorage';
import { primaryLog } from './primaryLog';
import { respawnDelayMs } from './respawnDelay';
import { SHUTDOWN_GRACE_MS } from './serveProcess';
import { WORKER_NUMBER_VARIABLE, workerInstanceName } from './workerIdentity';

/** Past the workers' own grace period, a worker still running is stuck: it is killed. */
const PRIMARY_GRACE_MS = SHUTDOWN_GRACE_MS + 5_000;

interface Slot {
  readonly number: number;
  worker: Worker | null;
  startedAtMs: number;
  listening: boolean;
  respawn: NodeJS.Timeout | null;
}

export async function runPrimary(config: Config, onListening: (port: number) => void): Promise<void> {
  const log = primaryLog(config.logLevel);
  await prepareStorage(config);
  if (config.metricsToken) answerClusterMetricsRequests();
  cluster.on('message', (_worker, message: unknown) => relayRealtimeMessage(message, Object.values(cluster.workers ?? {})));

  const slots: Slot[] = Array.from({ length: config.workers }, (_, i) => ({
    number: i + 1,
    worker: null,
    startedAtMs: 0,
    listening: false,
    respawn: null,
  }));
  const slotOf = (worker: Worker) => slots.find((slot) => slot.worker === worker);
  const nameOf = (slot: Slot) => workerInstanceName(config.instanceName, slot.number);
  const running = () => slots.flatMap((slot) => (slot.worker ? [slot.worker] : []));
  let announced = false;
  let stopping = false;
  let failed = false;

  const fork = (slot: Slot) => {
    slot.respawn = null;
    slot.startedAtMs = Date.now();
    slot.listening = false;
    slot.worker = cluster.fork({ [WORKER_NUMBER_VARIABLE]: String(slot.number) });
  };

  const stopWorkers = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const slot of slots) if (slot.respawn) clearTimeout(slot.respawn);
    const workers = running();
    if (workers.length === 0) process.exit(failed ? 1 : 0);
    for (const worker of workers) worker.process.kill(signal);
    setTimeout(() => {
      log.error({}, 'workers still running after the grace period: killing them');
      for (const worker of running()) worker.process.kill('SIGKILL');
      process.exit(1);
    }, PRIMARY_GRACE_MS).unref();
  };

  cluster.on('listening', (worker, address) => {
    const slot = slotOf(worker);
    if (!slot) return;
    slot.listening = true;
    if (announced || stopping || !slots.every((each) => each.listening)) return;
    announced = true;
    onListening(address.port);
  });

  cluster.on('exit', (worker, code, signal) => {
    const slot = slotOf(worker);
    if (!slot) return;
    slot.worker = null;
    if (stopping) {
      if (code !== 0) failed = true;
      if (running().length === 0) process.exit(failed ? 1 : 0);
      return;
    }
    if (!announced) {
      log.error({ worker: nameOf(slot), code, signal }, 'a worker failed to start: stopping the server');
      failed = true;
      stopWorkers('SIGTERM');
      return;
    }
    const delayMs = respawnDelayMs(slot.startedAtMs, Date.now());
    log.warn({ worker: nameOf(slot), code, signal, restartInMs: delayMs }, 'a worker died: starting a replacement');
    slot.respawn = setTimeout(() => fork(slot), delayMs);
  });

  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting without waiting');
      for (const worker of running()) worker.process.kill('SIGKILL');
      process.exit(1);
    }
    log.info({ signal }, 'shutting down: the workers finish their requests in flight');
    stopWorkers(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  for (const slot of slots) fork(slot);
}
