import { describe, expect, it } from 'vitest';
import { primaryLog } from '../../../server/workers/primaryLog';

function captured(level: Parameters<typeof primaryLog>[0]) {
  const lines: Record<string, unknown>[] = [];
  const log = primaryLog(level, (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
  return { log, lines };
}

describe("the primary's log", () => {
  it('writes pino-shaped JSON lines at or above LOG_LEVEL', () => {
    const { log, lines } = captured('warn');
    log.info({ signal: 'SIGTERM' }, 'shutting down');
    log.warn({ worker: 'w2', code: 1 }, 'a worker died');
    expect(lines).toEqual([expect.objectContaining({ level: 40, role: 'primary', worker: 'w2', code: 1, msg: 'a worker died' })]);
    expect(lines[0]).toHaveProperty('time');
    expect(lines[0]).toHaveProperty('pid', process.pid);
  });

  it('keeps the message and stack of an error', () => {
    const { log, lines } = captured('info');
    log.error({ err: new Error('database locked') }, 'start failed');
    expect(lines[0]!.err).toMatchObject({ type: 'Error', message: 'database locked', stack: expect.stringContaining('database locked') });
  });

  it('writes nothing when silent', () => {
    const { log, lines } = captured('silent');
    log.error({}, 'ignored');
    expect(lines).toEqual([]);
  });
});
