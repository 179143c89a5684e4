import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_NODE_FLAGS } from '../../apps/standalone/src/node-flags';
import { ROOT } from './compose.loader';

/** The Dockerfile checked as text: no Docker engine exists on the build machine. */
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
const instructions = dockerfile
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));
const stages = instructions.reduce<string[][]>((acc, line) => {
  if (/^FROM\s/i.test(line)) acc.push([]);
  acc[acc.length - 1]?.push(line);
  return acc;
}, []);
const runtime = stages[stages.length - 1];
const args = Object.fromEntries(
  instructions
    .filter((l) => /^ARG\s/.test(l))
    .map((l) => l.replace(/^ARG\s+/, '').split('=') as [string, string]),
);

describe('Dockerfile', () => {
  it('builds in stages so the runtime image carries no compiler or sources', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    expect(runtime.some((l) => /^COPY\s+(--chown=\S+\s+)?(apps|libs)\b/.test(l))).toBe(false);
    expect(runtime.some((l) => /apt-get install/.test(l))).toBe(false);
    expect(runtime.filter((l) => /^COPY --from=build/.test(l)).map((l) => l.split(/\s+/).at(-1))).toEqual(
      expect.arrayContaining(['./dist', './node_modules']),
    );
  });

  it('runs on a pinned node 20 slim image, never a floating tag', () => {
    expect(args.NODE_IMAGE).toMatch(/^node:20\.\d+\.\d+-(bookworm-)?slim$/);
    for (const from of instructions.filter((l) => /^FROM\s/.test(l))) {
      expect(from).toMatch(/^FROM (\$\{NODE_IMAGE\}|deps) AS \w+$/);
    }
  });

  it('drops root in the runtime stage', () => {
    const user = runtime.filter((l) => /^USER\s/.test(l)).at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^USER\s+(root|0)(:|$)/);
  });

  it('has a liveness health check', () => {
    expect(runtime.some((l) => /^HEALTHCHECK .*\/health\/live/.test(l))).toBe(true);
  });

  it('starts the app named by the APP build argument from where `npm run build` writes it', () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts;
    // `build` compiles the server (build:server, what the CLI scripts run alone), then the web console.
    expect(scripts.build).toMatch(/^npm run -s build:server && /);
    expect(scripts['build:server']).toMatch(/^swc apps libs -d dist\b/);
    expect(runtime.find((l) => /^CMD\s/.test(l))).toContain('node dist/apps/${APP}/src/main.js');
    expect(runtime.some((l) => /^ARG APP(=|$)/.test(l))).toBe(true);
  });

  it('starts the apps with the node flags of node-flags.ts, in the image and in `npm start`', () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts;
    const flags = APP_NODE_FLAGS.join(' ');
    expect(scripts.start).toContain(`node ${flags} dist/apps/standalone/src/main.js`);
    const env = runtime.filter((l) => /^ENV\s/.test(l)).join(' ');
    expect(env).toMatch(new RegExp(`\\bNODE_OPTIONS=(${flags}|"${flags}")(\\s|$)`));
  });

  it('copies into the build everything the build script compiles, with its configuration', () => {
    const copied = instructions
      .filter((l) => /^COPY\s/.test(l) && !/--from=/.test(l))
      .flatMap((l) => l.split(/\s+/).slice(1, -1));
    expect(copied).toEqual(
      expect.arrayContaining([
        'package.json',
        'package-lock.json',
        '.swcrc',
        'tsconfig.json',
        'apps',
        'libs',
      ]),
    );
    expect(instructions).toContain('RUN npm ci --no-audit --no-fund');
  });

  it('keeps local state and installed modules out of the build context', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim());
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', 'data', '.git', '**/*.sqlite']));
  });
});
