/** The markdown of the `sync` and `pouchdb` blocks of docs/benchmarks.md (also printed). */
import type { PouchdbResult } from '../pouchdb/pouchdbReplication';
import type { FloorResult, SyncChromiumResult } from '../syncChromium';
import type { PushRun } from './syncRuns';
import type { LatencySummary } from './percentiles';
import { measuredLine, table, type RunFacts } from './reportSections';

const KIB = 1024;
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const int = (value: number) => integer.format(value);
const verdict = (met: boolean) => (met ? 'met' : '**missed**');
/** How many times longer the peer took: "4.2×". */
const times = (value: number) => `${oneDecimal.format(value)}×`;

/** The sync part's two headline times, for the pouchdb part's ratio. */
export interface OursForRatio {
  readonly pushMs: LatencySummary;
  readonly pullMs: LatencySummary;
}

function timingRow(label: string, summary: LatencySummary, warmupMs: number, target?: { text: string; met: boolean }): string[] {
  return [label, int(summary.p50), int(summary.min), int(summary.max), int(warmupMs), target?.text ?? '–', target ? verdict(target.met) : '–'];
}

const FLOOR_LABELS: Record<FloorResult['layout'], string> = {
  segment: 'as the app stores them: a segment per page (the favorites with their article summaries)',
  'record-and-article': 'as schema v3 stored them: a record and an article summary per favorite',
  'record-with-article': 'a row per favorite (the summary inside the record)',
};

/** The inspector session running the profiler's start and stop (bench/benchServer.ts). */
const PROFILER_PLACE = 'native: dispatch';
const percent = (share: number) => `${oneDecimal.format(share * 100)}%`;
/** Profile places of a node path or a package, in code font like the http block's. */
const place = (where: string) => (where.startsWith('npm:') || where.startsWith('Node:') || where.includes(' ') ? where : `\`${where}\``);

/** One more push and initial sync, profiled: where the server's and the page's time went. */
function profileParagraph(result: SyncChromiumResult): string {
  const { pushServer, pullRenderer, pullPassMs } = result.profiles;
  // The profiler's own start and stop run inside the profiled window (the inspector session's
  // `dispatch`); over a push that lasts a fraction of a second they are a large share, so they
  // are left out and the other shares taken of what remains.
  const profilerShare = pushServer.top.find(({ where }) => where === PROFILER_PLACE)?.share ?? 0;
  const server = pushServer.top
    .filter(({ where }) => where !== PROFILER_PLACE)
    .map(({ where, share }) => [place(where), percent(share / (1 - profilerShare))]);
  const serverBusyMs = pushServer.busyMs * (1 - profilerShare);
  return [
    'Where the time goes, from one more run of each under a sampling profiler (not counted above). The push: the server ' +
      `process (V8's profiler; ${int(serverBusyMs)} ms busy, the profiler's own work left out), self time as a share of busy time:`,
    '',
    table(['where (server, push of 1,000)', 'share of busy CPU'], server),
    '',
    `The initial sync (${int(pullPassMs)} ms with the profiler on): the page's main thread (Chromium's V8 profiler over the ` +
      'DevTools protocol), self time, milliseconds:',
    '',
    table(['where (page, initial sync of 10,000)', 'ms', 'share'], pullRenderer.places.map(({ where, ms }) => [where, int(ms), percent(ms / pullRenderer.totalMs)])),
  ].join('\n');
}

/** Where the initial sync's IndexedDB time goes: the same rows put with IndexedDB directly. */
function floorParagraph(result: SyncChromiumResult, applyPullMs: LatencySummary): string {
  const rows = result.floors.map((floor) => [
    FLOOR_LABELS[floor.layout],
    int(floor.puts),
    int(floor.transactions),
    int(floor.ms.p50),
    int(floor.ms.min),
    int(floor.ms.max),
  ]);
  return [
    "The IndexedDB floor of the initial sync: the rows `applyPull` stores for the same 10 pages, computed beforehand, put with " +
      "IndexedDB directly (no Dexie, no reads, no merging) into a fresh database with the app's key paths and indexes, one " +
      `transaction per page, ${result.floors[0]?.ms.count ?? 0} times each (alternating), milliseconds; \`applyPull\` took a median of ` +
      `${int(applyPullMs.p50)} ms above:`,
    '',
    table(['rows stored', 'puts', 'transactions', 'median', 'min', 'max'], rows, 1),
  ].join('\n');
}

export function syncSection(result: SyncChromiumResult, targetMs: number, run: RunFacts, pushWrites: number, pullFavorites: number): string {
  const { push, pull, pushWarmup, pullWarmup } = result;
  const target = (summary: LatencySummary) => ({ text: `< ${int(targetMs)}`, met: summary.p50 < targetMs });
  const detail = (label: string) => `… ${label}`;
  const pushRow = (label: string, key: keyof PushRun) => timingRow(detail(label), push[key], pushWarmup[key]);
  const megabytes = pull.receivedChars.p50 / 1e6;
  return [
    measuredLine(run, `, Chromium ${result.chromiumVersion}`),
    '',
    "The app's own sync code in Chromium against the real server (its own process, on a fresh SQLite file): the page " +
      `(\`bench/lib/syncBenchPage.ts\`, bundled by Vite like the app, ${int(result.bundleBytes / KIB)} KiB) runs \`src/db\` (Dexie: ` +
      '`FavoritesDb`, `createSyncStore`) and `src/sync` (`SyncEngine`, `syncOnce`, `createTransport`) unchanged; timers wrap the ' +
      "store's writing transactions (`acknowledge`, `applyPull`), the transport's calls and `fetch`. " +
      `${result.runs} runs after one warm-up run (cold browser and server, shown apart), each in a fresh browser context: a fresh device, ` +
      'empty IndexedDB, new client id. The target is judged on the median. Milliseconds:',
    '',
    table(
      ['measurement', 'median', 'min', 'max', 'warm-up run', 'target', 'target met'],
      [
        timingRow(
          `**push of ${int(pushWrites)} queued offline writes**: \`networkReturned()\` → outbox empty, every write on the server`,
          push.outboxEmptyMs,
          pushWarmup.outboxEmptyMs,
          target(push.outboxEmptyMs),
        ),
        pushRow(`IndexedDB writes (\`acknowledge\`, ${int(push.pushRequests.p50)} transactions)`, 'acknowledgeMs'),
        pushRow(`push requests (${int(push.pushRequests.p50)}, until the answer is read: the server's work and loopback)`, 'pushFetchMs'),
        pushRow('encoding the batches, parsing and validating the answers', 'pushCodecMs'),
        pushRow('the whole pass, which then pulls the writes back as confirmed registers', 'passMs'),
        pushRow('of which IndexedDB writes of that pull (`applyPull`)', 'applyPullMs'),
        timingRow(
          `**initial sync of ${int(pullFavorites)} favorites into a fresh device**: first pass → cursor current, ${int(pullFavorites)} favorites in IndexedDB`,
          pull.passMs,
          pullWarmup.passMs,
          target(pull.passMs),
        ),
        timingRow(detail(`IndexedDB writes (\`applyPull\`, ${int(pull.pullRequests.p50)} transactions of up to 1,000 changes)`), pull.applyPullMs, pullWarmup.applyPullMs),
        timingRow(detail(`pull requests (${int(pull.pullRequests.p50)}, until the answer is read; each overlaps the previous page's writes)`), pull.pullFetchMs, pullWarmup.pullFetchMs),
        timingRow(detail(`parsing and validating the answers (${oneDecimal.format(megabytes)} MB of JSON)`), pull.pullCodecMs, pullWarmup.pullCodecMs),
        timingRow(
          `afterwards, not part of the sync: the list of all ${int(pullFavorites)} read by a page that opens the database (nothing cached: every segment read and decoded)`,
          pull.coldListMs,
          pullWarmup.coldListMs,
        ),
      ],
      1,
    ),
    '',
    profileParagraph(result),
    '',
    floorParagraph(result, pull.applyPullMs),
    '',
    'Every run checks its result: after the push the server holds the account\'s ' +
      `${int(pushWrites)} saved favorites (counted in its database) and the device's outbox is empty; after the initial sync the device holds ` +
      `${int(pullFavorites)} favorites, all saved, and a cursor. The push's device first synced once (nothing to pull), went offline ` +
      '(`context.setOffline`), queued the saves (one transaction each, as the Save button makes them: median ' +
      `${int(push.queueMs.p50)} ms for ${int(pushWrites)}, not part of the push) and failed a pass offline. The parts of a measurement are ` +
      'sums over its requests or transactions; they overlap (the next pull page is requested while a page is stored), so they do not add up to it.',
  ].join('\n');
}

export function pouchdbSection(result: PouchdbResult, ours: OursForRatio, targetRatio: number, run: RunFacts, pushDocs: number, pullDocs: number): string {
  const rows: string[][] = [];
  const best = { push: Infinity, pull: Infinity };
  for (const setting of result.settings) {
    best.push = Math.min(best.push, setting.push.p50);
    best.pull = Math.min(best.pull, setting.pull.p50);
  }
  for (const setting of result.settings) {
    for (const [kind, label, theirs, warmupMs, oursMs] of [
      ['push', `push of ${int(pushDocs)} docs`, setting.push, setting.pushWarmupMs, ours.pushMs.p50],
      ['pull', `pull of ${int(pullDocs)} docs into a fresh database`, setting.pull, setting.pullWarmupMs, ours.pullMs.p50],
    ] as const) {
      const ratio = theirs.p50 / oursMs;
      const judged = theirs.p50 === best[kind];
      rows.push([
        label,
        setting.label,
        int(theirs.p50),
        int(theirs.min),
        int(theirs.max),
        int(warmupMs),
        int(oursMs),
        times(ratio),
        judged ? verdict(ratio >= targetRatio) : '–',
      ]);
    }
  }
  const pullWrite = result.settings.map((setting) => `${int(setting.pullLocalWrite.p50)} ms (${setting.label})`).join(', ');
  return [
    measuredLine(run, `, Chromium ${result.chromiumVersion}`),
    '',
    `PouchDB ${result.versions.pouchdbBrowser} (\`pouchdb-browser\`: IndexedDB through its default \`idb\` adapter) in the same Chromium, ` +
      `replicating with pouchdb-server ${result.versions.pouchdbServer} (express-pouchdb over PouchDB's LevelDB adapter, leveldown files on disk, its ` +
      'default; its own process on 127.0.0.1), installed on demand from `bench/pouchdb/package.json`. The same documents as part sync ' +
      '(articleId, saved, note, public, tags, the article summary; plain values where ours carry a register and an HLC each). ' +
      "The page (`bench/pouchdb/pouchPage.ts`, bundled by Vite) runs in a document of pouchdb-server's own origin, so replication is " +
      `same-origin like the app's sync. ${result.runs} runs per setting after one warm-up, each in a fresh browser context; the push ` +
      `replicates ${int(pushDocs)} docs written locally first (one \`put\` each: median ${int(result.queue.p50)} ms) into a fresh server ` +
      `database, the pull ${int(pullDocs)} docs into a fresh local one; the counts are checked on the receiving side. ` +
      `"Ours" is part sync's median of the same run, whose runs alternated with these (ours, then PouchDB's with each setting), ` +
      'so both met the same load (push: until the outbox is empty; pull: the initial sync). ' +
      `The target (ours at least ${int(targetRatio)}× faster) is judged against PouchDB's faster setting. Milliseconds:`,
    '',
    table(['replication', 'PouchDB settings', 'PouchDB median', 'min', 'max', 'warm-up run', 'ours (median)', 'PouchDB ÷ ours', 'target met'], rows, 2),
    '',
    `PouchDB's IndexedDB writes during the pull (time inside the local database's \`bulkDocs\`): median ${pullWrite}.`,
  ].join('\n');
}
