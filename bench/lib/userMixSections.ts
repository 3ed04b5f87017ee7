/** The markdown of the `users`, `usersPostgres` and `websockets` blocks of docs/benchmarks.md (also printed). */
import type { WebsocketMemoryResult } from '../websocketMemory';
import type { UserMixResult } from '../userMix';
import type { LatencySummary } from './percentiles';
import type { RequestKind } from './userMixPlan';
import { measuredLine, table, type RunFacts } from './reportSections';

const KIB = 1024;
const MIB = 1024 * 1024;
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const int = (value: number) => integer.format(value);
const ms = (value: number) => oneDecimal.format(value);
const percent = (share: number) => `${int(share * 100)}%`;
const verdict = (met: boolean) => (met ? 'met' : '**missed**');
const place = (where: string) => (where.startsWith('npm:') || where.startsWith('Node:') || where.includes(' ') ? where : `\`${where}\``);

const KIND_LABELS: Record<RequestKind, string> = {
  list: '`GET /favorites?limit=50` (list, 40% of actions)',
  pushSave: '`POST /sync/push`, 1–3 saves (25%)',
  pushRemove: '`POST /sync/push`, 1–3 removals (10%)',
  pull: '`POST /sync/pull` from the cursor (20%)',
  pullOnPoke: '`POST /sync/pull` on a poke (follows writes)',
  restPut: '`PUT /favorites/:id` (2.5%)',
  restDelete: '`DELETE /favorites/:id` (2.5%)',
};

function latencyCells(summary: LatencySummary | null): string[] {
  if (!summary) return ['0', '–', '–', '–', '–'];
  return [int(summary.count), ms(summary.p50), ms(summary.p95), ms(summary.p99), ms(summary.max)];
}

export function userMixSection(result: UserMixResult, targetP99Ms: number, run: RunFacts): string {
  const errors = result.kinds.reduce((sum, kind) => sum + kind.non2xx + kind.failed, 0);
  const met = result.overall.p99 < targetP99Ms && errors === 0;
  const statuses = Object.entries(result.statusCodes)
    .map(([status, count]) => `${status}: ${int(count)}`)
    .join(', ');
  const database = result.database === 'sqlite' ? 'SQLite (one file, WAL)' : 'PostgreSQL (a fresh schema, the server\'s default pool)';
  const generatorBusy = result.loadGeneratorCoreShare > 0.5;
  const cpuMsPerRequest = (result.serverCoreShare * result.seconds * 1000) / result.requests;
  const profile = result.serverProfile;
  const oneProcess = result.workers === 1;
  const serverText = oneProcess
    ? 'ONE server process (`createServer`, its own process, log level warn, in-process pokes)'
    : `\`server/main.ts\` with \`WORKERS=${result.workers}\` (a primary and ${result.workers} worker processes sharing the port and the SQLite file, pokes relayed between them over IPC; log level warn)`;
  const processText = oneProcess ? 'the server process' : `the primary and its ${result.workers} workers`;
  const coreText = oneProcess ? 'Node serves on one thread; ' : '';
  return [
    measuredLine(run, `; ${int(result.users)} users × ${result.favoritesPerUser} favorites on ${database}`),
    '',
    `${int(result.users)} simulated users against ${serverText}. ` +
      'Each user is one device of the real client: a bearer session, its own keep-alive connections (node:http, two sockets at most) and one ' +
      'WebSocket on `/api/v1/sync/ws`; a client id, a gapless mutation counter and an outbox (acknowledged entries leave it), an HLC clock, a ' +
      'pull cursor, and its pushes and pulls one at a time. A poke newer than the cursor triggers a pull, as in the app, so every write is ' +
      `followed by a pull of the writer's device. Each user loops: an exponentially distributed pause (mean ${int(result.thinkMeanMs)} ms: ` +
      'Poisson arrivals, as independent people make them, and far busier than a person, who acts every few seconds), then one action: ' +
      'list the first page (40%), push 1–3 saves (25%), push 1–3 removals of saved favorites (10%), pull from the cursor (20%), REST PUT or ' +
      'DELETE (5%). Before the window every user opened its socket and pulled its favorites as a fresh device would ' +
      `(seed ${ms(result.setupSeconds.seed)} s, sockets ${ms(result.setupSeconds.sockets)} s, initial pulls ${ms(result.setupSeconds.initialSync)} s), which warms the server. ` +
      `The window is ${ms(result.seconds)} s; a request counts when it started in it. Latency is from sending the request to the body's last byte, ` +
      'in the load generator (the bench process), in milliseconds; server, database, load generator and anything else running share the machine.',
    '',
    table(
      ['request', 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors', 'target', 'target met'],
      [
        ...result.kinds.map((kind) => [KIND_LABELS[kind.kind], ...latencyCells(kind.latency), int(kind.non2xx + kind.failed), '–', '–']),
        [
          '**all requests**',
          ...latencyCells(result.overall),
          int(errors),
          `p99 < ${int(targetP99Ms)}, no errors`,
          verdict(met),
        ],
      ],
      1,
    ),
    '',
    `- throughput: **${int(result.requestsPerSecond)} req/s** (${int(result.requests)} requests); status codes: ${statuses}; ` +
      `requests without a response (socket error or 10 s timeout): ${int(result.kinds.reduce((sum, kind) => sum + kind.failed, 0))}` +
      (result.failureSamples.length > 0 ? ` (${result.failureSamples.map((text) => `"${text}"`).join(', ')})` : ''),
    `- WebSockets: ${Number.isNaN(result.socketsHeld) ? '' : `${int(result.socketsHeld)} of ${int(result.users)} held at the end of the window, `}${int(result.socketDrops)} dropped; ` +
      `${int(result.pokes)} pokes received; mutations rejected by the server: ${int(result.rejectedMutations)}`,
    `- CPU over the window: ${processText} ${percent(result.serverCoreShare)} of one core (${coreText}` +
      `${oneDecimal.format(cpuMsPerRequest)} ms per request, so one core serves at most about ${int(1000 / cpuMsPerRequest)} req/s of this mix)` +
      (result.postgresCoreShare === null ? '' : `, every postgres process on the machine ${percent(result.postgresCoreShare)} (other sessions included)`) +
      `, the load generator ${percent(result.loadGeneratorCoreShare)}` +
      (generatorBusy ? ' — **the load generator used more than half a core: its own event loop adds to the latencies above**' : ''),
    `- server memory (${processText}): RSS ${int(result.serverRssStartBytes / MIB)} MiB at the start of the window, peak ${int(result.serverRssPeakBytes / MIB)} MiB ` +
      `(sampled every 5 s)` +
      (oneProcess ? `; V8 heap used at the end ${int(result.serverHeapEndBytes / MIB)} MiB` : ''),
    ...(oneProcess
      ? [
          `- server event-loop delay: p99 ${ms(result.serverLoopDelayP99Ms)} ms in the worst 5 s interval, max ${ms(result.serverLoopDelayMaxMs)} ms ` +
            '(time a ready request waits for the loop: when it approaches the latencies above, the server is CPU-starved or blocked)',
        ]
      : []),
    ...(profile === null
      ? []
      : [
          '',
          `Where the server's CPU goes: the users kept going for 10 s after the window under V8's sampling profiler in the server ` +
            `(not counted above; ${ms(profile.busyMs / 1000)} s busy, ${ms(profile.idleMs / 1000)} s idle), ` +
            'self time by file, package or Node module, as a share of busy time:',
          '',
          table(['where', 'share of busy CPU'], profile.top.map(({ where, share }) => [place(where), `${oneDecimal.format(share * 100)}%`])),
        ]),
  ].join('\n');
}

/** The PostgreSQL block when the database could not be reached or the run failed. */
export function userMixNotMeasuredSection(reason: string, run: RunFacts): string {
  return [measuredLine(run), '', `**Not measured**: ${reason}`].join('\n');
}

export function websocketsSection(result: WebsocketMemoryResult, targetBytesPerSocket: number, run: RunFacts): string {
  const kib = (bytes: number) => `${oneDecimal.format(bytes / KIB)} KiB`;
  const held = result.heldAfterIdle === result.connections;
  const met = result.rssPerSocketBytes < targetBytesPerSocket && held;
  return [
    measuredLine(run),
    '',
    `One server process (\`createServer\` with \`--expose-gc\`, SQLite, in-process pokes); the bench process opens ${int(result.connections)} WebSockets ` +
      `on \`/api/v1/sync/ws\` (session cookie, no compression) spread over ${int(result.users)} users (${int(result.socketsPerUser)} devices each), ` +
      `200 handshakes at a time, each waiting for its hello (all open after ${ms(result.connectSeconds)} s). Memory is the server's after two full ` +
      'GCs with the sockets open minus the same before them (after ten warm-up sockets), divided by the sockets. Then saves through REST, each timed ' +
      `until every socket of its user had the poke, and ${int(result.idleSeconds)} s idle (longer than the server's 30 s heartbeat) after which ` +
      'the server must still hold every socket.',
    '',
    table(
      ['measure', 'value', 'target', 'target met'],
      [
        ['server RSS per socket', kib(result.rssPerSocketBytes), `< ${kib(targetBytesPerSocket)}`, verdict(result.rssPerSocketBytes < targetBytesPerSocket)],
        ['V8 heap + external per socket', kib(result.heapPerSocketBytes), '–', '–'],
        ['server RSS before → after', `${int(result.rssBeforeBytes / MIB)} → ${int(result.rssAfterBytes / MIB)} MiB`, '–', '–'],
        [`sockets held after ${int(result.idleSeconds)} s idle`, `${int(result.heldAfterIdle)} of ${int(result.connections)}`, 'all', verdict(held)],
        [
          `save → poke on all ${int(result.socketsPerUser)} sockets of the user (${int(result.pokeFanOut.count)} saves)`,
          `p50 ${ms(result.pokeFanOut.p50)} ms, p95 ${ms(result.pokeFanOut.p95)} ms, max ${ms(result.pokeFanOut.max)} ms`,
          '–',
          '–',
        ],
        ['overall', '–', `< ${kib(targetBytesPerSocket)} each, all held`, verdict(met)],
      ],
      1,
    ),
  ].join('\n');
}
