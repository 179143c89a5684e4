import { readFileSync, rmSync } from 'node:fs';
import { createPublicKey } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { verifyExport } from '@ledger/audit';
import { startLedger, type RunningLedger } from '../support/standalone-harness';
import { TEST_KEYS } from '../support/test-keys';
import {
  ARTEFACTS,
  buildConsole,
  openBrowser,
  seriousAxeViolations,
  type ConsoleBrowser,
} from './support/console-browser';
import { expectText, expectTitle, fitsThePhone } from './support/page-waits';
import { FUNDER, otherProject, seedMoneyProject, seedMongolia, send } from './support/seed';

/**
 * The console in a real browser (Debian's Chromium driven by playwright-core) against a real standalone
 * server holding the README's Mongolia walk-through: the three-click answer to "what was the budget of
 * TC.0789 on 15 January 2015, who changed it, and is the record intact?", live updates, exports,
 * roles, keyboard use, phone width and axe-core. Screenshots go to test-artifacts/console/.
 */
jest.setTimeout(60_000);

describe('web console (/console) in Chromium', () => {
  let consoleDir: string;
  let ledger: RunningLedger;
  let browser: ConsoleBrowser;

  beforeAll(async () => {
    consoleDir = buildConsole();
    ledger = await startLedger({ consoleDir });
    await seedMongolia(ledger);
    browser = await openBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await ledger?.stop();
    rmSync(consoleDir, { recursive: true, force: true });
  });

  const signIn = async (key: string) => {
    const { page } = browser;
    await page.goto(`${ledger.baseUrl}/console`);
    await page.getByLabel('API key or token').fill(key);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };

  it('refuses a wrong key with a clear message and keeps nothing', async () => {
    const { page } = browser;
    await signIn('not-a-real-key');
    await expectText(page.getByRole('alert'), 'did not accept this key or token');
    expect(await page.locator('.sign-in [role="status"]').count()).toBe(0);
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await browser.shot('01-sign-in-refused');
  });

  it('signs in as an auditor, filters, and marks a live change without a reload', async () => {
    const { page } = browser;
    await signIn(TEST_KEYS.auditor);
    await expectText(page.locator('.who'), 'reader, auditor');
    await page.getByRole('row', { name: /TC\.0801/ }).waitFor();
    expect(await page.evaluate("sessionStorage.getItem('ledger.credential')")).toBe(TEST_KEYS.auditor);
    expect(await page.evaluate('localStorage.length')).toBe(0);

    await page.getByLabel('Region').selectOption('Asia and Oceania');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('row', { name: /TC\.0801/ }).waitFor({ state: 'detached' });
    expect(await page.locator('tbody tr').allInnerTexts()).toEqual([
      // Sorted by title: "Border management…" before "Supporting the Government of Mongolia…".
      expect.stringMatching(/TC\.0803[\s\S]*Viet Nam[\s\S]*planned[\s\S]*USD 95,000\.00/),
      expect.stringMatching(/TC\.0789[\s\S]*completed[\s\S]*USD 200,000\.00/),
    ]);
    await expectText(page.locator('.live'), 'Live updates: on');

    await send(ledger, '/projects', otherProject('TC.0900', 'Asia and Oceania', 'Nepal', '75000.00'));
    const fresh = page.locator('tr[data-project="TC.0900"]');
    await expectText(fresh, 'New');
    await send(ledger, '/projects/TC.0803/budget-revisions', {
      amount: '95000.01',
      currency: 'USD',
      reason: 'correction',
    });
    await expectText(page.locator('tr[data-project="TC.0803"]'), 'Updated');
    await expectText(page.locator('tr[data-project="TC.0803"]'), 'USD 95,000.01');
    expect(await page.locator('tr[data-project="TC.0789"] .badge').count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await browser.shot('02-projects-live');
  });

  it('answers the question in three clicks: TC.0789, as of 15 January 2015, verified', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'TC.0789' }).click(); // click 1
    await expectTitle(page, 'TC.0789 · Project Ledger console');
    await page.getByRole('heading', { name: /History \(4 events\)/ }).waitFor();
    const timeline = page.locator('.timeline li');
    expect(await timeline.allInnerTexts()).toEqual([
      expect.stringMatching(/planned[\s\S]*2014[\s\S]*ProjectCreated/),
      expect.stringMatching(/active[\s\S]*March 2014[\s\S]*ProjectStarted/),
      expect.stringMatching(/completed[\s\S]*December 2016[\s\S]*ProjectCompleted/),
    ]);
    const revisionEvent = page.locator('#event-2');
    await expectText(revisionEvent, 'api-key:publisher:');
    await expectText(revisionEvent.locator('table.diff'), 'USD 180,000.00');
    await expectText(revisionEvent.locator('table.diff'), 'USD 200,000.00');

    await page.getByLabel('When').fill('2015-01-15');
    await page.getByRole('button', { name: 'Show' }).click(); // click 2
    const result = page.locator('#as-of-result');
    await expectText(result, 'USD 200,000.00');
    await expectText(result, 'Budget set by api-key:publisher:');
    await expectText(result, 'ProjectBudgetRevised (revision 2)');
    await page.getByLabel('When').fill('2015-01-14');
    await page.getByRole('button', { name: 'Show' }).click();
    await expectText(result, 'USD 180,000.00');
    await page.getByLabel('When').fill('2015-01-15');
    await page.getByRole('button', { name: 'Show' }).click();
    await expectText(result, 'USD 200,000.00');

    // No checkpoint was signed yet: the badge says so; signing one makes the browser check it.
    await expectText(page.locator('#verdict'), 'not yet covered by a signed checkpoint');
    await page.getByRole('button', { name: 'Sign a checkpoint now' }).click(); // click 3
    await expectText(page.locator('#verdict'), 'Record intact: chain and signature verified');
    await expectText(page.locator('.checks'), 'covers 4 of 4 events');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await browser.shot('03-project-tc0789');
    // The README's picture (docs/console-tc0789.png is a copy): the badge, the facts and the answer.
    await page.evaluate('scrollTo(0, 0)');
    await page.screenshot({
      path: join(ARTEFACTS, 'readme-three-clicks.png'),
      fullPage: true,
      clip: { x: 0, y: 0, width: 1280, height: 1000 },
    });
  });

  it('downloads the audit export, which verifies offline with the public key', async () => {
    const { page } = browser;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Audit export (NDJSON, verifiable)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('TC.0789.ndjson');
    const text = readFileSync((await download.path()) as string, 'utf8');
    const { publicKeyPem } = (await (await fetch(`${ledger.baseUrl}/audit/public-key`)).json()) as {
      publicKeyPem: string;
    };
    const report = await verifyExport(text.split('\n'), createPublicKey(publicKeyPem));
    expect(report).toMatchObject({ ok: true, events: 4, failures: [] });
    expect(report.signedEvents).toBe(4);

    const [iati] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'IATI activity (XML)' }).click(),
    ]);
    expect(readFileSync((await iati.path()) as string, 'utf8')).toContain('<iati-activities');
  });

  it('is usable by keyboard, at phone width, with charts, and shows a reader no audit tools', async () => {
    const { page } = browser;
    await page.goto(`${ledger.baseUrl}/console#/stats`);
    await page.locator('[data-chart="region"] canvas').waitFor();
    await expectText(page.locator('#stat-region').locator('..'), 'USD 350,000.00');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await browser.shot('04-statistics');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${ledger.baseUrl}/console#/projects/TC.0789`);
    await expectText(page.locator('#verdict'), 'Record intact');
    expect(await fitsThePhone(page)).toBe(true);
    await browser.shot('05-project-phone', false);
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole('button', { name: 'Sign out' }).click();
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    // Keyboard only: skip link, the key field, Enter, then Tab to the first project link and Enter.
    await page.goto(`${ledger.baseUrl}/console`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.id')).toBe('credential');
    await page.keyboard.type(TEST_KEYS.reader);
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'TC.0789' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Budget history' }).waitFor();
    await expectText(page.locator('article'), 'open to auditors');

    // Cursor paging: six projects, five per page.
    await page.getByRole('link', { name: '← All projects' }).click();
    await page.getByLabel('Per page').selectOption('5');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.locator('tbody tr').nth(4).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(5);
    await page.getByRole('button', { name: 'Next page' }).click();
    await expectText(page.locator('.pager'), 'Page 2');
    await page.locator('tbody tr').nth(1).waitFor({ state: 'detached' });
    expect(await page.locator('tbody tr').count()).toBe(1);
    await page.getByRole('button', { name: 'Previous page' }).click();
    await page.locator('tbody tr').nth(4).waitFor();
    expect(await page.locator('#verdict').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Audit export/ }).count()).toBe(0);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(TEST_KEYS.publisher);
    await page.getByRole('heading', { name: 'Nothing to read with this key' }).waitFor();

    // A credential that stops being accepted (an expired token, a revoked key) sends the reader back to
    // the sign-in form with a message saying so, and is forgotten.
    await page.evaluate("sessionStorage.setItem('ledger.credential', 'revoked-or-expired-key')");
    await page.reload();
    await expectText(page.locator('.sign-in [role="status"]'), 'no longer accepted (expired or revoked)');
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    expect(browser.problems).toEqual([]);
  });

  it('shows a record whose stored history was edited afterwards as NOT intact', async () => {
    const { page } = browser;
    const db = new Database(join(ledger.dataDir, 'events.sqlite'));
    db.prepare(
      "UPDATE events SET data = json_set(data, '$.amount', '900000.00') WHERE stream_id = 'project-TC.0789' AND revision = 2",
    ).run();
    db.close();
    await page.goto(`${ledger.baseUrl}/console#/projects/TC.0789`);
    await signIn(TEST_KEYS.auditor);
    await page.goto(`${ledger.baseUrl}/console#/projects/TC.0789`);
    await expectText(page.locator('#verdict'), 'Record NOT intact');
    await expectText(page.locator('.checks'), 'revision 2: hash does not match');
    await browser.shot('06-tampered');
  });

  it('shows a project’s funder, sectors, exact financial summary and transactions, and money by funder and sector', async () => {
    const { page } = browser;
    await seedMoneyProject(ledger);
    await page.goto(`${ledger.baseUrl}/console`);
    await page.evaluate('sessionStorage.clear()');
    await signIn(TEST_KEYS.reader);
    await page.getByRole('row', { name: /TC\.0810/ }).waitFor();
    await page.getByRole('link', { name: 'TC.0810' }).click();

    const facts = page.locator('#facts-heading').locator('..');
    await expectText(facts, `${FUNDER.name} (${FUNDER.ref})`);
    await expectText(
      facts,
      '15190 Facilitation of orderly, safe, regular and responsible migration and mobility 70 %',
    );
    await expectText(facts, '15110');

    // The summary as the ledger computes it, to the cent, grouped the en-GB way.
    const summary = page.getByRole('region', { name: 'Financial summary figures' });
    await summary.waitFor();
    const figure = async (name: string) =>
      (
        await summary
          .getByRole('row', { name: new RegExp(`^${name}`) })
          .locator('td')
          .allInnerTexts()
      ).join('|');
    expect(await summary.getByRole('columnheader').allInnerTexts()).toEqual(['Figure', 'USD']);
    expect(await figure('Budget')).toBe('210,000.00');
    expect(await figure('Incoming commitments')).toBe('200,000.00');
    expect(await figure('Incoming funds')).toBe('120,000.00');
    expect(await figure('Committed')).toBe('0.00');
    expect(await figure('Disbursed')).toBe('30,000.10');
    expect(await figure('Spent')).toBe('75,000.35');
    expect(await figure('Remaining')).toBe('134,999.65');
    expect(await figure('Share of budget spent')).toBe('35.71%');
    expect(await figure('Last transaction')).toBe('30 September 2015');

    const transactions = page.getByRole('region', { name: 'Transactions by date' });
    await transactions.locator('tbody tr').nth(4).waitFor();
    expect(await transactions.locator('tbody tr').allInnerTexts()).toEqual([
      expect.stringMatching(
        /10 February 2015[\s\S]*Incoming commitment[\s\S]*USD 200,000\.00[\s\S]*XM-DAC-701-2/,
      ),
      expect.stringMatching(/5 March 2015[\s\S]*Incoming funds[\s\S]*USD 120,000\.00/),
      expect.stringMatching(
        /30 June 2015[\s\S]*Disbursement[\s\S]*USD 30,000\.10[\s\S]*Mongolian Immigration Agency[\s\S]*First tranche/,
      ),
      expect.stringMatching(/30 September 2015[\s\S]*Expenditure[\s\S]*USD 45,000\.25/),
      expect.stringMatching(
        /1 October 2015[\s\S]*Expenditure[\s\S]*USD 9,999\.99[\s\S]*Reversed 2 October 2015: Booked twice/,
      ),
    ]);
    expect(await transactions.locator('tr.reversed').count()).toBe(1);
    expect(await page.getByText('Not recorded by the ledger yet').count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await browser.shot('07-project-money');

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await fitsThePhone(page)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole('link', { name: 'Statistics' }).click();
    await page.locator('[data-chart="funder"] canvas').waitFor();
    await page.locator('[data-chart="sector"] canvas').waitFor();
    const byFunder = page.getByRole('table', { name: 'Money by funder, exact totals' });
    expect(await byFunder.locator('tbody tr').allInnerTexts()).toEqual([
      expect.stringMatching(/^XM-DAC-701-2\s+1\s+USD 200,000\.00\s+USD 120,000\.00$/),
    ]);
    // 70 % and 30 % of each standing transaction, per DAC sector.
    const bySector = page.getByRole('table', { name: 'Money by sector, exact totals' });
    expect(await bySector.locator('tbody tr').allInnerTexts()).toEqual([
      expect.stringMatching(
        /^15110 [^\t]+\s+1\s+USD 60,000\.00\s+USD 0\.00\s+USD 9,000\.03\s+USD 22,500\.10$/,
      ),
      expect.stringMatching(
        /^15190 [^\t]+\s+1\s+USD 140,000\.00\s+USD 0\.00\s+USD 21,000\.07\s+USD 52,500\.24$/,
      ),
    ]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await fitsThePhone(page)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 900 });
    await browser.shot('08-statistics-money');
    expect(browser.problems).toEqual([]);
  });
});
