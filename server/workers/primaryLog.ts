/**
 * The primary's log lines, in the shape the workers' pino logs have (one JSON object per line on
 * stdout: level as a number, time, pid, hostname, msg, details), so one collector reads both. The
 * primary runs no Fastify, and pino is not a dependency of ours, hence these few lines.
 */
import { hostname } from 'node:os';
import type { LOG_LEVELS } from '../config';

type LogLevel = (typeof LOG_LEVELS)[number];

const PINO_LEVELS: Record<LogLevel, number> = {
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
  silent: Infinity,
};

export interface PrimaryLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** Errors as pino writes them (JSON.stringify would give `{}`). */
function serializable(details: object): object {
  if (!('err' in details) || !(details.err instanceof Error)) return details;
  const { name, message, stack } = details.err;
  return { ...details, err: { type: name, message, stack } };
}

export function primaryLog(level: LogLevel, write: (line: string) => void = (line) => process.stdout.write(line)): PrimaryLog {
  const threshold = PINO_LEVELS[level];
  const host = hostname();
  const at = (lineLevel: number) => (details: object, message: string) => {
    if (lineLevel < threshold) return;
    write(`${JSON.stringify({ level: lineLevel, time: Date.now(), pid: process.pid, hostname: host, role: 'primary', ...serializable(details), msg: message })}\n`);
  };
  return { info: at(PINO_LEVELS.info), warn: at(PINO_LEVELS.warn), error: at(PINO_LEVELS.error) };
}
