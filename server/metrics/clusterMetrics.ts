/**
 * /metrics for a multi-process server (`WORKERS` > 1): whichever worker the scrape lands on
 * answers for the whole server, so one scrape target is one server, as before.
 *
 * prom-client's AggregatorRegistry does the collecting: the primary asks every worker for its
 * registry (as JSON) and merges them: counters and histograms summed, gauges summed unless the
 * metric names another aggregator (process_memory_limit_bytes: `max`), prom-client's default
 * process metrics by their own rules. Only the primary can ask the workers, so the worker that
 * received the request asks the primary over IPC (`{ favoritesMetrics: … }`) and answers with
 * what comes back.
 *
 * A scrape while a worker is starting (a replacement after a crash) waits for prom-client's 5 s
 * timeout and answers 503: the new worker does not answer metrics requests until its server is
 * built. The next scrape is whole again.
 */
import cluster from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';
import { ApiError } from '../../src/contract';

export const IPC_METRICS_KEY = 'favoritesMetrics';

/** Longer than prom-client's own 5 s: the primary always answers first, unless it is gone. */
const ANSWER_TIMEOUT_MS = 10_000;

type MetricsRequest = { readonly [IPC_METRICS_KEY]: { readonly request: number } };
type MetricsAnswer = { readonly [IPC_METRICS_KEY]: { readonly answer: number; readonly text?: string; readonly error?: string } };

function isMetricsMessage(message: unknown): message is { readonly [IPC_METRICS_KEY]: Record<string, unknown> } {
  return (
    typeof message === 'object' &&
    message !== null &&
    typeof (message as Record<string, unknown>)[IPC_METRICS_KEY] === 'object' &&
    (message as Record<string, unknown>)[IPC_METRICS_KEY] !== null
  );
}

export function isMetricsRequest(message: unknown): message is MetricsRequest {
  return isMetricsMessage(message) && typeof message[IPC_METRICS_KEY].request === 'number';
}

export function isMetricsAnswer(message: unknown): message is MetricsAnswer {
  return isMetricsMessage(message) && typeof message[IPC_METRICS_KEY].answer === 'number';
}

/** Primary: answers the workers' requests with the aggregate of every worker's registry. */
export function answerClusterMetricsRequests(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: unknown) => {
    if (!isMetricsRequest(message)) return;
    const answer = message[IPC_METRICS_KEY].request;
    aggregator.clusterMetrics().then(
      (text) => worker.isConnected() && worker.send({ [IPC_METRICS_KEY]: { answer, text } } satisfies MetricsAnswer),
      (error: unknown) =>
        worker.isConnected() && worker.send({ [IPC_METRICS_KEY]: { answer, error: String(error) } } satisfies MetricsAnswer),
    );
  });
}

/**
 * Worker: hands `registry` to prom-client for the primary's collection, and returns what
 * /metrics serves: the aggregate over every worker, asked of the primary.
 */
export function clusterExposition(registry: Registry): () => Promise<string> {
  AggregatorRegistry.setRegistries(registry);
  // Constructing one installs prom-client's answering listener in this worker (once per process).
  new AggregatorRegistry();

  const unavailable = (why: string) => new ApiError('unavailable', why);
  let next = 0;
  const waiting = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void }>();
  const onMessage = (message: unknown) => {
    if (!isMetricsAnswer(message)) return;
    const { answer, text, error } = message[IPC_METRICS_KEY];
    const waiter = waiting.get(answer);
    waiting.delete(answer);
    if (text !== undefined) waiter?.resolve(text);
    else waiter?.reject(unavailable(`Could not collect every worker's metrics: ${error ?? 'no answer'}`));
  };
  process.on('message', onMessage);

  return () =>
    new Promise<string>((resolve, reject) => {
      if (!process.send || !process.connected) {
        reject(unavailable('This worker lost its cluster primary'));
        return;
      }
      const request = next++;
      const timer = setTimeout(() => {
        waiting.delete(request);
        reject(unavailable("The cluster primary did not answer with the workers' metrics"));
      }, ANSWER_TIMEOUT_MS);
      waiting.set(request, {
        resolve: (text) => {
          clearTimeout(timer);
          resolve(text);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      process.send({ [IPC_METRICS_KEY]: { request } } satisfies MetricsRequest);
    });
}
