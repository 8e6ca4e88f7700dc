// Shared fixtures: every test fails on a console error or an uncaught page error (a CSP
// violation shows up as one), and `hydrated()` waits until the WebAssembly app is interactive.
import { test as base, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const NEUTRAL_SITE = 'https://weather.example/today';

export const PUBLIC_PATHS = ['/', '/report', '/parents', '/follow-up', '/help', '/monitor'];
export const ALL_PATHS = [
  ...PUBLIC_PATHS,
  '/parents/sextortion',
  '/parents/shared-nudes',
  '/parents/ai-nudes',
  '/parents/grooming',
  '/staff',
];

type Fixtures = {
  consoleErrors: string[];
  hydrated: () => Promise<void>;
  audit: () => Promise<void>;
};

export const test = base.extend<Fixtures>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      page.on('pageerror', (err) => errors.push(String(err)));
      // The neutral site is outside the portal; answer it locally so no test reaches the internet.
      await page.route('https://weather.example/**', (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: '<!doctype html><html lang="en"><title>Weather</title><h1>Weather today</h1></html>',
        }),
      );
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
  hydrated: async ({ page }, use) => {
    await use(async () => {
      await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true', { timeout: 15_000 });
    });
  },
  audit: async ({ page }, use) => {
    await use(async () => {
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`);
      expect(summary, `axe violations on ${page.url()}`).toEqual([]);
    });
  },
});

/// An anonymous visitor must leave no trace in the browser: no cookie, no storage.
export async function expectNoTraces(page: Page) {
  expect(await page.context().cookies()).toEqual([]);
  const storage = await page.evaluate(() => ({
    local: window.localStorage.length,
    session: window.sessionStorage.length,
  }));
  expect(storage).toEqual({ local: 0, session: 0 });
}

export { expect };

/// Walks the report flow to its file step (step 5) with the fewest answers.
export async function openFileStep(page: import('@playwright/test').Page, prefix = '') {
  await page.goto(`${prefix}/report`);
  await page.waitForLoadState('networkidle');
  await page.locator('#safety-safe').check();
  await page.locator('button[name=nav][value=next]').click();
  await page.locator('#happened-sextortion').check();
  await page.locator('button[name=nav][value=next]').click();
  await page.locator('#age-not_said').check();
  await page.locator('#field-country').selectOption('NL');
  await page.locator('button[name=nav][value=next]').click();
  await page.locator('#field-urls').waitFor();
  await page.locator('button[name=nav][value=next]').click();
  await page.locator('#file-picker').waitFor({ state: 'attached' });
}
