/**
 * Configuration from environment variables, validated once at start: a bad value stops the
 * server with a message naming the variable, instead of failing later in some request.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const DATABASE_FILE_NAME = 'favorites.sqlite';
/** A bearer token (RFC 6750 token68 characters) long enough not to be guessed. */
const METRICS_TOKEN_PATTERN = /^[A-Za-z0-9._~+/=-]{16,}$/;

/** WORKERS beyond this is a typo, not a machine: each worker is a whole server process. */
export const WORKERS_MAX = 256;
const WORKERS_MESSAGE = `must be a whole number from 1 to ${WORKERS_MAX}, or auto (one per CPU core)`;

/** An empty variable (`PORT=`) counts as unset, as shells and .env files often leave them. */
const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);
const setting = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfEmpty, schema);

const EnvSchema = z.object({
  PORT: setting(
    z
      .string()
      .regex(/^\d{1,5}$/, 'must be a port number (0 to 65535)')
      .transform(Number)
      .refine((port) => port <= 65_535, 'must be a port number (0 to 65535)')
      .default(8080),
  ),
  HOST: setting(z.string().trim().min(1).default('127.0.0.1')),
  DATA_DIR: setting(z.string().default('./data')),
  LOG_LEVEL: setting(z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info')),
  STATIC_DIR: setting(z.string().default('dist')),
  TRUST_PROXY: setting(
    z
      .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
      .transform((value) => value === 'true' || value === '1')
      .default(false),
  ),
  // Unset: no /metrics. Set: /metrics answers only `Authorization: Bearer <token>`.
  METRICS_TOKEN: setting(
    z
      .string()
      .regex(METRICS_TOKEN_PATTERN, 'must be at least 16 characters of A-Z a-z 0-9 . _ ~ + / = - (e.g. openssl rand -hex 32)')
      .optional(),
  ),
  // Unset: SQLite in DATA_DIR (one instance). Set: PostgreSQL, which several instances can share.
  DATABASE_URL: setting(z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL').optional()),
  // Unset: pokes stay in-process (one instance). Set: instances share pokes over Redis pub/sub.
  REDIS_URL: setting(z.string().regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL').optional()),
  // Sent as the x-instance response header (which instance of a cluster answered).
  INSTANCE_NAME: setting(z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1 to 64 letters, digits, _ . -').optional()),
  // Server processes sharing the port (node:cluster); auto: one per core. 1: one process, no cluster.
  WORKERS: setting(
    z
      .string()
      .trim()
      .regex(/^(auto|\d{1,4})$/, WORKERS_MESSAGE)
      .transform((text): number | 'auto' => (text === 'auto' ? 'auto' : Number(text)))
      .refine((workers) => workers === 'auto' || (workers >= 1 && workers <= WORKERS_MAX), WORKERS_MESSAGE)
      .default(1),
  ),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  /** Absolute; created at start when missing. */
  readonly dataDir: string;
  /** `DATA_DIR/favorites.sqlite`. */
  readonly databaseFile: string;
  /** PostgreSQL instead of the SQLite file; null: SQLite. */
  readonly databaseUrl: string | null;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  /** Absolute; the server runs API-only when it does not exist. */
  readonly staticDir: string;
  readonly trustProxy: boolean;
  /** The bearer token /metrics requires; null: /metrics is off. */
  readonly metricsToken: string | null;
  /** Redis pub/sub between instances; null: in-process. */
  readonly redisUrl: string | null;
  /** The x-instance header's value; null: no header. */
  readonly instanceName: string | null;
  /** Server processes on the shared port (`auto` resolved to the cores available); 1: no cluster. */
  readonly workers: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const result = EnvSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const { PORT, HOST, DATA_DIR, LOG_LEVEL, STATIC_DIR, TRUST_PROXY } = result.data;
  const dataDir = path.resolve(cwd, DATA_DIR);
  return {
    port: PORT,
    host: HOST,
    dataDir,
    databaseFile: path.join(dataDir, DATABASE_FILE_NAME),
    logLevel: LOG_LEVEL,
    staticDir: path.resolve(cwd, STATIC_DIR),
    trustProxy: TRUST_PROXY,
    databaseUrl: result.data.DATABASE_URL ?? null,
    metricsToken: result.data.METRICS_TOKEN ?? null,
    redisUrl: result.data.REDIS_URL ?? null,
    instanceName: result.data.INSTANCE_NAME ?? null,
    workers: result.data.WORKERS === 'auto' ? Math.min(availableParallelism(), WORKERS_MAX) : result.data.WORKERS,
  };
}
