/**
 * docs/benchmarks.md is written by the benchmark. Each part owns a block between
 * `<!-- bench:<id>:start -->` and `<!-- bench:<id>:end -->`: a run replaces the blocks of the
 * parts it ran and keeps everything else, so `npm run bench -- query` refreshes one table,
 * and prose written around the blocks survives every run.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const SECTION_IDS = ['machine', 'seed', 'query', 'http', 'firstload', 'propagation', 'seedPostgres', 'queryPostgres', 'sync', 'pouchdb', 'users', 'usersWorkers', 'usersPostgres', 'websockets'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

const TITLES: Record<SectionId, string> = {
  machine: 'Machine',
  seed: 'Seed: 1,000,000 favorites over 10,000 users',
  query: 'Favorites page query (storage call)',
  http: 'GET /api/v1/favorites under 100 connections',
  firstload: 'First load of the built app in Chromium',
  propagation: 'Propagation: a save on one device visible on another',
  seedPostgres: 'Seed on PostgreSQL: 1,000,000 favorites over 10,000 users',
  queryPostgres: 'Favorites page query on PostgreSQL (storage call)',
  sync: 'Sync in Chromium: 1,000 offline writes pushed, 10,000 favorites into a fresh device',
  pouchdb: 'The same sync by PouchDB 9 against pouchdb-server 4',
  users: '1,000 simulated users, a realistic mix for 60 s (SQLite)',
  usersWorkers: '1,000 simulated users on SQLite with WORKERS (every core)',
  usersPostgres: '1,000 simulated users, a realistic mix for 60 s (PostgreSQL)',
  websockets: '10,000 WebSockets on one instance: memory per connection',
};

const INTRO = `# Benchmarks

Written by \`npm run bench\` (\`bench/run.ts\`; not part of \`npm test\`). Each block below is
replaced when its part runs again: \`npm run bench -- seed|query|http|firstload|propagation|sync|pouchdb|users|websockets\` runs one part
(query and http seed their own database first; pouchdb runs sync too, for its ratio). Figures are from one machine: compare ratios
and orders of magnitude, not the last digit.
`;

const start = (id: SectionId) => `<!-- bench:${id}:start -->`;
const end = (id: SectionId) => `<!-- bench:${id}:end -->`;

function block(id: SectionId, body: string): string {
  return `${start(id)}\n${body.trim()}\n${end(id)}`;
}

function placeholder(id: SectionId): string {
  const command = id.endsWith('Postgres') ? `--db postgres ${id.slice(0, -'Postgres'.length)}` : id;
  return `_Not measured yet: \`npm run bench -- ${command}\`._`;
}

function freshDocument(): string {
  const sections = SECTION_IDS.map((id) => `## ${TITLES[id]}\n\n${block(id, placeholder(id))}\n`);
  return `${INTRO}\n${sections.join('\n')}`;
}

/** Replaces the given blocks in the document (creating it, or a missing block, as needed). */
export function updateBenchmarksDoc(file: string, bodies: Partial<Record<SectionId, string>>): void {
  let text = existsSync(file) ? readFileSync(file, 'utf8') : freshDocument();
  for (const id of SECTION_IDS) {
    const body = bodies[id];
    if (body === undefined) continue;
    const from = text.indexOf(start(id));
    const to = text.indexOf(end(id));
    if (from === -1 || to < from) {
      text = `${text.trimEnd()}\n\n## ${TITLES[id]}\n\n${block(id, body)}\n`;
    } else {
      text = `${text.slice(0, from)}${block(id, body)}${text.slice(to + end(id).length)}`;
    }
  }
  writeFileSync(file, text);
}
