/**
 * Bundles a benchmark's browser entry with Vite, the app's own bundler, as a production build
 * (minified, NODE_ENV production), so the code under test runs as it does in the built app.
 * One self-contained ES module file; the entry exposes its API on `window` and exports nothing.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface BrowserBundle {
  /** The bundle's path. */
  readonly file: string;
  readonly bytes: number;
  readonly buildSeconds: number;
}

/** Builds `entry` into `outDir/<name>.js`. */
export async function buildBrowserBundle(entry: string, outDir: string, name: string): Promise<BrowserBundle> {
  const startMs = performance.now();
  await build({
    configFile: false,
    root: REPO_ROOT,
    mode: 'production',
    logLevel: 'warn',
    // Library mode leaves process.env.NODE_ENV alone; the app's build replaces it.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      minify: true,
      sourcemap: false,
      target: 'es2022',
      lib: { entry, formats: ['es'], fileName: () => `${name}.js` },
    },
  });
  const file = path.join(outDir, `${name}.js`);
  return { file, bytes: statSync(file).size, buildSeconds: (performance.now() - startMs) / 1000 };
}
