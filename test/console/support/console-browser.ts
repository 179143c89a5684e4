import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const ROOT = join(__dirname, '..', '..', '..');

/** Screenshots land here (gitignored) as test artefacts. */
export const ARTEFACTS = join(ROOT, 'test-artifacts', 'console');

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it when missing). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Builds the console from the current sources into a temporary folder, so the test never runs against a
 * stale `dist/console` from an earlier build. Returns the folder; the caller removes it.
 */
export function buildConsole(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'ledger-console-'));
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      join(ROOT, 'apps', 'console', 'web', 'vite.config.mjs'),
      '--outDir',
      outDir,
      '--emptyOutDir',
    ],
    { cwd: ROOT, stdio: 'pipe' },
  );
  return outDir;
}

export interface ConsoleBrowser {
  context: BrowserContext;
  page: Page;
  /** Messages the page logged about Content-Security-Policy violations and uncaught errors. */
  problems: string[];
  /** A full-page screenshot, or only what the viewport shows. */
  shot(name: string, fullPage?: boolean): Promise<void>;
  close(): Promise<void>;
}

/** One headless Chromium with a fresh profile, English (UK) locale, downloads accepted. */
export async function openBrowser(): Promise<ConsoleBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  mkdirSync(ARTEFACTS, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'ledger-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
    ],
    locale: 'en-GB',
    timezoneId: 'UTC',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return {
    context,
    page,
    problems,
    shot: async (name, fullPage = true) => {
      await page.screenshot({ path: join(ARTEFACTS, `${name}.png`), fullPage });
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core (the npm package) in the page. It is evaluated through the DevTools protocol rather than
 * added as a <script>, so the console's CSP stays as strict as it is served.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(`${source}\n;void 0`);
  const violations = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)`,
  )) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}
