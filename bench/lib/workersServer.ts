/**
 * The real server entry (`server/main.ts`) with WORKERS=<n> on a bench's seeded SQLite file,
 * API only, logging warnings: the benchmarks' "every core" runs. The entry reads
 * `DATA_DIR/favorites.sqlite`, so the file must carry that name.
 */
import path from 'node:path';
import { DATABASE_FILE_NAME } from '../../server/config';
import { startInstance, type InstanceProcess } from '../../scripts/cluster/instanceProcess';

export function startWorkersServer(name: string, databaseFile: string, workers: number, workDir: string): Promise<InstanceProcess> {
  if (path.basename(databaseFile) !== DATABASE_FILE_NAME) {
    throw new Error(`the server entry reads DATA_DIR/${DATABASE_FILE_NAME}; the bench file is ${databaseFile}`);
  }
  return startInstance(name, 0, {
    ...process.env,
    DATA_DIR: path.dirname(databaseFile),
    WORKERS: String(workers),
    LOG_LEVEL: 'warn',
    STATIC_DIR: path.join(workDir, 'no-app'),
    DATABASE_URL: '',
    REDIS_URL: '',
    METRICS_TOKEN: '',
  });
}
