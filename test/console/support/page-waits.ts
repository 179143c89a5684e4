import type { Locator, Page } from 'playwright-core';

// Polled from the test, never `page.waitForFunction`: that evaluates code in the page, which the console's
// Content-Security-Policy forbids.
const POLL_MS = 200;
const TIMEOUT_MS = 10_000;

async function poll(ready: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS;
  while (Date.now() < deadline && !(await ready())) await new Promise((r) => setTimeout(r, POLL_MS));
}

/** Waits (Playwright's auto-wait) until the element's text contains `text`. */
export async function expectText(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ timeout: TIMEOUT_MS });
}

/** Waits until the page has set its title to `title` (it does so once its data has loaded), then asserts it. */
export async function expectTitle(page: Page, title: string): Promise<void> {
  await poll(async () => (await page.title()) === title);
  if ((await page.title()) !== title) throw new Error(`page title "${await page.title()}", not "${title}"`);
}

/** The page (once its charts have followed a resize) is no wider than the viewport: no sideways scroll. */
export async function fitsThePhone(page: Page): Promise<boolean> {
  const fits = async () =>
    (await page.evaluate('document.documentElement.scrollWidth <= innerWidth')) === true;
  await poll(fits);
  return fits();
}
