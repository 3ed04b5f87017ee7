/**
 * Configuration from environment variables, validated once at start: a bad value stops the
 * server with a message naming the variable, instead of failing later in some request.
 */
import path from 'node:path';
import { z } from 'zod';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const DATABASE_FILE_NAME = 'favorites.sqlite';

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
});

export interface Config {
  readonly port: number;
  readonly host: string;
  /** Absolute; created at start when missing. */
  readonly dataDir: string;
  /** `DATA_DIR/favorites.sqlite`. */
  readonly databaseFile: string;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  /** Absolute; the server runs API-only when it does not exist. */
  readonly staticDir: string;
  readonly trustProxy: boolean;
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
  };
}
