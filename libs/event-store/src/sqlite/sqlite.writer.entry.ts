import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative } from 'node:path';

const WORKER = 'sqlite.writer.worker';
let compiled: string | undefined;

/**
 * The writer thread's entry file. Built code runs the compiled worker beside this file. Run from TypeScript
 * sources (Jest, `node -r @swc-node/register`), a worker would have to register a TypeScript loader of its
 * own, which costs seconds per store on a busy machine; instead the event-store sources are compiled once
 * per process into a temporary directory under node_modules/.cache, and the worker loads plain JavaScript from there.
 */
export function writerEntry(): string {
  if (extname(__filename) !== '.ts') return join(__dirname, `${WORKER}.js`);
  compiled ??= compileSources();
  return compiled;
}

function compileSources(): string {
  // Loaded only here, so production code never needs the compiler (a devDependency).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const swc = require('@swc/core') as typeof import('@swc/core');
  const root = dirname(__dirname);
  // Inside node_modules, so the compiled worker resolves better-sqlite3 like the sources do.
  const cache = join(dirname(require.resolve('better-sqlite3/package.json')), '..', '.cache');
  mkdirSync(cache, { recursive: true });
  const out = mkdtempSync(join(cache, 'sqlite-writer-'));
  process.once('exit', () => rmSync(out, { recursive: true, force: true }));
  for (const dir of [root, __dirname]) {
    for (const name of readdirSync(dir)) {
      if (!name.endsWith('.ts') || name.includes('spec.ts')) continue;
      const { code } = swc.transformFileSync(join(dir, name), {
        swcrc: false,
        module: { type: 'commonjs' },
        jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
      });
      const target = join(out, relative(root, join(dir, name.replace(/\.ts$/, '.js'))));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, code);
    }
  }
  return join(out, relative(root, __dirname), `${WORKER}.js`);
}
