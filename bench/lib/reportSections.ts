/** The markdown of each benchmark's block in docs/benchmarks.md (also printed to the console). */
import type { FavoritesQueryResult } from '../favoritesQuery';
import type { FirstLoadResult, LoadTimings } from '../firstLoad';
import type { PhaseName, PropagationResult } from '../propagation';
import { HTTP_PROFILE_SECONDS, HTTP_WARMUP_SECONDS, type HttpFavoritesResult } from '../httpFavorites';
import type { SeededDatabase } from '../seedFavorites';
import type { MachineFacts } from './machineFacts';
import type { LatencySummary } from './percentiles';

export interface RunFacts {
  /** ISO date and time (UTC) the run started. */
  readonly startedAt: string;
  /** The exact command, e.g. `npm run bench -- query`. */
  readonly command: string;
  readonly machine: MachineFacts;
  /** 1-minute load average just before the part ran: other work on the machine skews figures. */
  readonly loadAverage: number;
}

const MIB = 1024 * 1024;
const KIB = 1024;
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const int = (value: number) => integer.format(value);
const verdict = (met: boolean) => (met ? 'met' : '**missed**');

export function measuredLine(run: RunFacts, extra = ''): string {
  const { machine } = run;
  return (
    `Measured ${run.startedAt} with \`${run.command}\` on ${machine.nproc} cores (nproc), Node ${machine.node}${extra}; ` +
    `1-minute load average before this part (earlier parts of this run included): ${twoDecimals.format(run.loadAverage)}.`
  );
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

export function table(header: readonly string[], rows: readonly (readonly string[])[], alignRightFrom = 1): string {
  const rule = header.map((_, index) => (index >= alignRightFrom ? '---:' : '---'));
  return [row(header), row(rule), ...rows.map(row)].join('\n');
}

export function machineSection(run: RunFacts): string {
  const { machine } = run;
  return table(
    ['fact', 'value'],
    [
      ['last run', `${run.startedAt} (\`${run.command}\`)`],
      ['nproc', String(machine.nproc)],
      ['CPU', machine.cpuModel],
      ['memory', `${oneDecimal.format(machine.memoryGiB)} GiB`],
      ['OS', machine.os],
      ['Node', machine.node],
      ['SQLite', machine.sqlite],
      ['CPU probe (`bench/lib/cpuProbe.ts`, lower is faster; tells a slow stretch of the host from a regression)', `${int(machine.cpuProbeMs)} ms`],
      ['1-minute load average at start', twoDecimals.format(run.loadAverage)],
    ],
    2,
  );
}

export function seedSection(seed: SeededDatabase, run: RunFacts): string {
  const rate = (rows: number, seconds: number) => (seconds > 0 ? int(rows / seconds) : '–');
  const onPostgres = seed.database.kind === 'postgres';
  return [
    measuredLine(run),
    '',
    table(
      ['step', 'rows', 'seconds', 'rows/s'],
      [
        [`catalogue (\`seedCatalogue\`: migrations done, articles + ${onPostgres ? 'tsvector column and GIN index' : 'FTS5 index'})`, `${int(seed.articles)} articles`, twoDecimals.format(seed.catalogueSeconds), rate(seed.articles, seed.catalogueSeconds)],
        ['users (`bulk.insertUsers`, one shared argon2id hash)', `${int(seed.userIds.length)} users`, twoDecimals.format(seed.usersSeconds), rate(seed.userIds.length, seed.usersSeconds)],
        [`favorites (\`bulk.insertFavorites\`, 50,000 per transaction${onPostgres ? ', `unnest` inserts of 10,000 rows' : ''})`, `${int(seed.favorites)} favorites + ${int(seed.tags)} tags`, twoDecimals.format(seed.favoritesSeconds), rate(seed.favorites, seed.favoritesSeconds)],
      ],
      1,
    ),
    '',
    `Database size after close: **${oneDecimal.format(seed.databaseBytes / MIB)} MiB** ` +
      `(${onPostgres ? 'the schema\'s tables with their indexes and TOAST, PostgreSQL defaults' : 'file + WAL; WAL mode, synchronous NORMAL'}); ` +
      `largest tables and indexes: ${seed.largestObjects.map((object) => `\`${object.name}\` ${int(object.bytes / MIB)} MiB`).join(', ')}. ` +
      'Each user has the same number of favorites, distinct articles drawn at random from the catalogue, saved over the past year; ' +
      'about 20% carry a note, 30% one to three tags, 10% are public.',
  ].join('\n');
}

function latencyRow(label: string, summary: LatencySummary, format: (value: number) => string, target?: { text: string; met: boolean }): string[] {
  return [
    label,
    int(summary.count),
    format(summary.p50),
    format(summary.p95),
    format(summary.p99),
    format(summary.max),
    target?.text ?? '–',
    target ? verdict(target.met) : '–',
  ];
}

/** The GC pauses seen during the timed calls, and how often a call pays for one. */
function gcLine(result: FavoritesQueryResult): string {
  const { minor, major } = result.gc;
  const timedCalls = 2 * result.calls;
  const callsPerPause = minor.count + major.count > 0 ? timedCalls / (minor.count + major.count) : Infinity;
  return (
    `Tail: during the ${int(timedCalls)} timed calls V8 paused for ${int(minor.count)} scavenges ` +
    `(mean ${twoDecimals.format(minor.meanMs)} ms, max ${twoDecimals.format(minor.maxMs)} ms) and ${int(major.count)} full or incremental ` +
    `collections (mean ${twoDecimals.format(major.meanMs)} ms, max ${twoDecimals.format(major.maxMs)} ms): about one call in ` +
    `${Number.isFinite(callsPerPause) ? int(callsPerPause) : '∞'} waits for a pause, so when that is more often than one in 100 ` +
    'the pauses, not the query, set p99.'
  );
}

export function querySection(
  result: FavoritesQueryResult,
  targetP99Micros: number,
  run: RunFacts,
  scale: string,
  database: 'SQLite' | 'PostgreSQL' = 'SQLite',
): string {
  const rawDriver = database === 'SQLite' ? 'better-sqlite3' : 'one raw pg connection (the loopback round trip included)';
  const planKind = database === 'SQLite' ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN ANALYZE';
  const micros = (value: number) => int(value);
  const target = (summary: LatencySummary) => ({ text: `p99 < ${int(targetP99Micros)}`, met: summary.p99 < targetP99Micros });
  const sqlShare = (sql: LatencySummary, call: LatencySummary) => `${int((sql.p50 / call.p50) * 100)}%`;
  const plans = [...result.firstPagePlans.map((plan, index) => `-- first page, statement ${index + 1}\n${plan}`), ...result.secondPagePlans.map((plan, index) => `-- second page, statement ${index + 1}\n${plan}`)];
  return [
    measuredLine(run, `; ${scale}`),
    '',
    '`storage.favorites.list(userId, { limit: 50 })`, the call `GET /api/v1/favorites` makes, awaited one at a time in-process for random users ' +
      '(2,000 warm-up calls not counted). The second page passes the first page\'s `nextCursor`. ' +
      `"SQL alone" replays the same ${result.statementsPerPage === 1 ? 'statement' : `${result.statementsPerPage} statements`} per page (listed below with ${result.statementsPerPage === 1 ? 'its query plan' : 'their query plans'}), ` +
      `captured from the server's own repositories (warm, like the timed calls), through ${rawDriver} with no Kysely and no mapping. Microseconds:`,
    '',
    table(
      ['call', 'calls', 'p50 µs', 'p95 µs', 'p99 µs', 'max µs', 'target', 'target met'],
      [
        latencyRow('first page (limit 50, newest first)', result.firstPage, micros, target(result.firstPage)),
        latencyRow('second page (cursor)', result.secondPage, micros, target(result.secondPage)),
        latencyRow('first page, SQL alone', result.firstPageSql, micros),
        latencyRow('second page, SQL alone', result.secondPageSql, micros),
      ],
      1,
    ),
    '',
    `Where the time goes: at p50, ${database} is ${sqlShare(result.firstPageSql, result.firstPage)} of the first page's call and ` +
      `${sqlShare(result.secondPageSql, result.secondPage)} of the second's; the rest is the JavaScript around it: turning 50 rows ` +
      'into API objects with their article summaries (from memory), and the awaits between calls.',
    '',
    gcLine(result),
    '',
    `<details><summary>Query plans (${planKind} of the captured statements)</summary>`,
    '',
    '```',
    plans.join('\n\n'),
    '```',
    '',
    '</details>',
  ].join('\n');
}

export function httpSection(result: HttpFavoritesResult, targetP99Ms: number, run: RunFacts, scale: string): string {
  const ms = (value: number) => twoDecimals.format(value);
  const met = result.latency.p99 < targetP99Ms && result.non2xx === 0 && result.errors === 0;
  const statuses = Object.entries(result.statusCodes)
    .map(([status, count]) => `${status}: ${int(count)}`)
    .join(', ');
  const workers = result.workersRun;
  const workersMet = workers !== null && workers.latency.p99 < targetP99Ms && workers.non2xx === 0 && workers.errors === 0;
  const workersLines =
    workers === null
      ? []
      : [
          '',
          `\`WORKERS=${workers.workers}\`: the same load, after the single process stopped, on the server entry (\`server/main.ts\`: a primary and ` +
            `${workers.workers} worker processes sharing the port and the SQLite file), steady state ${oneDecimal.format(workers.seconds)} s ` +
            `(every connection answered ${oneDecimal.format(workers.allConnectedSeconds)} s into the run): ` +
            `**${int(workers.requestsPerSecond)} req/s**; non-2xx ${int(workers.non2xx)}, connection errors ${int(workers.errors)}, timeouts ${int(workers.timeouts)}` +
            (workers.serverCpuMsPerResponse === null || workers.serverCoreShare === null
              ? '.'
              : `; the primary and its workers used ${int(workers.serverCoreShare * 100)}% of one core ` +
                `(${twoDecimals.format(workers.serverCpuMsPerResponse)} ms per response), the load generator ${int(workers.loadGeneratorCoreShare * 100)}%.`),
        ];
  return [
    measuredLine(run, `; ${scale}`),
    '',
    'The server (`createServer`, its own process, log level warn) on the seeded file; autocannon 8 in the bench process with ' +
      `${result.connections} keep-alive connections, \`GET /api/v1/favorites?limit=50\`, each connection a different user with a bearer ` +
      'session token. Latency is each response\'s time as autocannon saw it, in milliseconds; server and load generator share the machine. ' +
      `One run of ${oneDecimal.format(result.wholeRunSeconds)} s: the steady state is the ${oneDecimal.format(result.seconds)} s after the ` +
      `${HTTP_WARMUP_SECONDS} s warm-up and after every connection had its first answer (${oneDecimal.format(result.allConnectedSeconds)} s into the run).`,
    '',
    table(
      ['request', 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'target', 'target met'],
      [
        latencyRow('steady state, one process', result.latency, ms, { text: `p99 < ${int(targetP99Ms)}, 0 non-2xx`, met }),
        latencyRow('whole run, one process (warm-up and connection ramp included)', result.wholeRun, ms),
        ...(workers === null
          ? []
          : [latencyRow(`steady state, \`WORKERS=${workers.workers}\``, workers.latency, ms, { text: `p99 < ${int(targetP99Ms)}, 0 non-2xx`, met: workersMet })]),
      ],
      1,
    ),
    '',
    `- one process: throughput (steady state) **${int(result.requestsPerSecond)} req/s**, ${oneDecimal.format(result.bytesPerResponse / KIB)} KiB per response`,
    `- non-2xx: **${int(result.non2xx)}**; connection errors: ${int(result.errors)}; timeouts: ${int(result.timeouts)}; status codes: ${statuses || 'none'}`,
    result.serverCpuMsPerResponse === null || result.serverCoreShare === null
      ? '- server CPU: not measured (no /proc)'
      : `- CPU over the whole run: the server process ${int(result.serverCoreShare * 100)}% of one core ` +
        `(${twoDecimals.format(result.serverCpuMsPerResponse)} ms per response; Node serves on one thread), ` +
        `the load generator ${int(result.loadGeneratorCoreShare * 100)}%`,
    `- with every connection waiting for its answer before sending the next request, mean latency ≈ connections ÷ throughput ` +
      `(${result.connections} ÷ ${int(result.requestsPerSecond)} req/s ≈ ${int((result.connections / result.requestsPerSecond) * 1000)} ms): ` +
      `a p99 under ${int(targetP99Ms)} ms at ${result.connections} connections needs roughly ${int((result.connections / targetP99Ms) * 1000)} req/s or more.`,
    ...workersLines,
    '',
    `Where the server's CPU goes: a separate ${HTTP_PROFILE_SECONDS} s run at the same load under V8's sampling profiler ` +
      `(${oneDecimal.format(result.serverProfile.busyMs / 1000)} s busy, ${oneDecimal.format(result.serverProfile.idleMs / 1000)} s idle), ` +
      'self time by file, package or Node module, as a share of busy time:',
    '',
    table(
      ['where', 'share of busy CPU'],
      result.serverProfile.top.map(({ where, share }) => [where.startsWith('npm:') || where.startsWith('Node:') || where.includes(' ') ? where : `\`${where}\``, `${oneDecimal.format(share * 100)}%`]),
    ),
  ].join('\n');
}

const MILESTONES: readonly [keyof LoadTimings, string][] = [
  ['htmlResponseEndMs', 'HTML received'],
  ['assetsResponseEndMs', 'scripts and styles received (last one)'],
  ['loadEventMs', '`load` event'],
  ['fcpMs', 'first contentful paint'],
  ['articlesRequestStartMs', '`GET /api/v1/articles` sent'],
  ['articlesResponseEndMs', '`GET /api/v1/articles` answered'],
  ['firstArticleMs', '**first article row visible**'],
];

export function firstLoadSection(result: FirstLoadResult, targetMs: number, run: RunFacts, database: string): string {
  const ms = (value: number) => (Number.isNaN(value) ? '–' : int(value));
  const build = result.build;
  const firstArticle = result.milestones.firstArticleMs;
  const rows = MILESTONES.map(([key, label]) => {
    const summary = result.milestones[key];
    const target = key === 'firstArticleMs' ? { text: `p95 < ${int(targetMs)}`, met: firstArticle.p95 < targetMs } : undefined;
    return [label, ms(summary.p50), ms(summary.p95), ms(summary.max), target?.text ?? '–', target ? verdict(target.met) : '–'];
  });
  return [
    measuredLine(run, `, Chromium ${result.chromiumVersion}`),
    '',
    `\`vite build\` (into a temporary directory; ${oneDecimal.format(build.buildSeconds)} s) served by the real server (its own process, ${database}). ` +
      `${result.loads} cold loads of Browse (\`/\`) after one uncounted warm-up load, each in a fresh browser context (empty cache, no cookies, no IndexedDB), ` +
      'headless, loopback, no throttling. Milliseconds since navigation start, from the Performance API (navigation, resource and paint timing), ' +
      'in the order a load reaches them. "First article row visible" is the first animation frame in which an `<article>` row has a layout box ' +
      '(Playwright also waits for `getByRole(\'article\').first()` to be visible); the target is judged on p95.',
    '',
    table(['milestone', 'median ms', 'p95 ms', 'max ms', 'target', 'target met'], rows, 1),
    '',
    `Built assets (all of the build, source maps excluded; uncompressed, as the server sends them): JavaScript ${int(build.jsBytes / KIB)} KiB, ` +
      `CSS ${int(build.cssBytes / KIB)} KiB, HTML ${oneDecimal.format(build.htmlBytes / KIB)} KiB.`,
  ].join('\n');
}

const PROPAGATION_PHASES: readonly [PhaseName, string][] = [
  ['clickToPush', "click on A → A's push sent (local write, the pass handed to A's service worker)"],
  ['push', "A's push (request to response: the server's commit, which sends the poke)"],
  ['pushToPull', "A's push answered → B's pull sent (the poke's trip, B's pass handed to its worker; the poke leaves before the answer)"],
  ['pull', "B's pull (request to response)"],
  ['pullToDom', "B's pull answered → B's DOM shows it (IndexedDB write in the worker, live query, React)"],
];

export function propagationSection(result: PropagationResult, targetP95Ms: number, run: RunFacts): string {
  const latency = (label: string, summary: LatencySummary, target?: { text: string; met: boolean }) => [
    label,
    int(summary.count),
    int(summary.p50),
    int(summary.p95),
    int(summary.p99),
    int(summary.max),
    target?.text ?? '–',
    target ? verdict(target.met) : '–',
  ];
  const [socketsA, socketsB] = result.socketsOpened;
  return [
    measuredLine(run, `, Chromium ${result.chromiumVersion}`),
    '',
    `\`vite build\` (${oneDecimal.format(result.build.buildSeconds)} s) served by the real server (its own process, a fresh database, ` +
      'in-process pokes). Two browser contexts of one Chromium signed in as one user (two devices: their own cookies, IndexedDB and service ' +
      'worker, which controls each page and runs its passes), both on Browse. Device A clicks "Save to favorites" on a row, then again to ' +
      'remove it, cycling through the first rows; each change is timed from the `click` event in A to the first animation frame after the ' +
      'same row\'s button on device B turned `aria-pressed` (wall clock read in each page, ms). The path: A\'s local write and push, the ' +
      "server's commit and poke over B's WebSocket, B's pull into IndexedDB, B's live query re-rendering the row. " +
      'Headless, loopback; the server, the browser and the bench share the machine. Milliseconds:',
    '',
    table(
      ['change on A, shown on B', 'changes', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'target', 'target met'],
      [
        latency('save → button pressed (painted)', result.save, { text: `p95 < ${int(targetP95Ms)}`, met: result.save.p95 < targetP95Ms }),
        latency('save → button pressed (DOM, before paint)', result.saveDom),
        latency('remove → button released (painted)', result.remove),
      ],
      1,
    ),
    '',
    "Where a save's time goes (the browser's own request timings; a save whose push or pull could not be matched is left out):",
    '',
    table(
      ['leg', 'p50 ms', 'p95 ms', 'max ms'],
      PROPAGATION_PHASES.map(([name, label]) => {
        const phase = result.phases[name];
        return [label, int(phase.p50), int(phase.p95), int(phase.max)];
      }),
      1,
    ),
    '',
    `WebSockets opened during the run: device A ${int(socketsA)}, device B ${int(socketsB)} (one each: no drop, no reconnect).`,
  ].join('\n');
}
