import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, extname, join, relative } from 'node:path';

const WORKER = 'sqlite.writer.worker';
let compiled: string | undefined;

/**
 * The writer thread's entry file. Built code runs the compiled worker beside this file. Run from TypeScript
 * sources (Jest, `node -r @swc-node/register`), a worker would have to register a TypeScript loader of its
 * own, which costs seconds per store on a busy machine; instead the event-store sources are compiled into
 * node_modules/.cache, once per version of those sources (the directory is named by their hash, so test
 * processes share it and a changed source gets a fresh copy), and the worker loads plain JavaScript.
 */
export function writerEntry(): string {
  if (extname(__filename) !== '.ts') return join(__dirname, `${WORKER}.js`);
  compiled ??= compileSources();
  return compiled;
}

function compileSources(): string {
  const root = dirname(__dirname);
  const sources = [root, __dirname].flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.ts') && !name.includes('spec.ts'))
      .map((name) => join(dir, name)),
  );
  const hash = createHash('sha256');
  for (const file of sources) hash.update(file).update(readFileSync(file));
  // Inside node_modules, so the compiled worker resolves better-sqlite3 like the sources do.
  const cache = join(dirname(require.resolve('better-sqlite3/package.json')), '..', '.cache');
  const out = join(cache, `sqlite-writer-${hash.digest('hex').slice(0, 16)}`);
  const entry = join(out, relative(root, __dirname), `${WORKER}.js`);
  if (existsSync(entry)) return entry;
  // Loaded only here, so production code never needs the compiler (a devDependency).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const swc = require('@swc/core') as typeof import('@swc/core');
  mkdirSync(cache, { recursive: true });
  const staging = mkdtempSync(`${out}.tmp-`);
  for (const file of sources) {
    const { code } = swc.transformFileSync(file, {
      swcrc: false,
      module: { type: 'commonjs' },
      jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
    });
    const target = join(staging, relative(root, file).replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, code);
  }
  // Another process may have finished the same copy meanwhile: either one is complete and identical.
  try {
    renameSync(staging, out);
  } catch {
    rmSync(staging, { recursive: true, force: true });
  }
  return entry;
}
