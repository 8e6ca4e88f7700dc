// Shared fixtures: every test fails on a console error or an uncaught page error (a CSP
// violation shows up as one), and `hydrated()` waits until the WebAssembly app is interactive.
import { test as base, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const NEUTRAL_SITE = 'https://weather.example/today';

/// The pages the portal's router serves, as `portal routes` prints them (never kept by hand, so
/// a new page cannot escape the quick-exit, cookie and accessibility checks).
type Listed = { kind: string; path: string; access: string | { staff: string }; examples?: string[] };
const listed: Listed[] = (() => {
  const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
  const path = require('node:path') as typeof import('node:path');
  const binary = process.env.PORTAL_BIN ?? path.join(__dirname, '..', '..', 'target', 'release', 'portal');
  return execFileSync(binary, ['routes'], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Listed);
})();
const pages = listed.filter((route) => route.kind === 'page');
/// Every public page, with its parameters filled in (the guidance topics).
export const PUBLIC_PATHS = pages.filter((page) => page.access === 'public').flatMap((page) => page.examples ?? []);
/// The public pages and the staff home, which anyone may open (it offers sign-in).
export const ALL_PATHS = [
  ...PUBLIC_PATHS,
  ...pages
    .filter((page) => typeof page.access === 'object' && page.access.staff === 'OpenWorkspace')
    .flatMap((page) => page.examples ?? []),
];
if (PUBLIC_PATHS.length < 10 || !ALL_PATHS.includes('/staff')) {
  throw new Error(`portal routes listed too few pages: ${ALL_PATHS.join(' ')}`);
}

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

/// Bits that differ between two hashes in hex (PDQ: 64 hex digits, 256 bits).
export function hamming(a: string, b: string): number {
  let bits = 0;
  for (let i = 0; i < a.length; i++) {
    let x = parseInt(a[i], 16) ^ parseInt(b[i], 16);
    while (x) {
      bits += x & 1;
      x >>= 1;
    }
  }
  return bits;
}

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

/// The backend (database, data directory, log) of the project a test runs in.
export function backendOf(testInfo: import('@playwright/test').TestInfo) {
  return testInfo.project.metadata as { name: string; databaseUrl: string; dataDir: string; log: string };
}

/// Runs the portal's own command line against the test server's database, as staff would.
export function portalCli(testInfo: import('@playwright/test').TestInfo, args: string[]): string {
  const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
  const path = require('node:path') as typeof import('node:path');
  const backend = backendOf(testInfo);
  const binary = process.env.PORTAL_BIN ?? path.join(__dirname, '..', '..', 'target', 'release', 'portal');
  return execFileSync(binary, args, {
    env: { ...process.env, DATABASE_URL: backend.databaseUrl, PORTAL_DATA_DIR: backend.dataDir, RUST_LOG: 'warn' },
    encoding: 'utf8',
  });
}

/// A phone: small screen, touch. The user agent stays the suite's own (the privacy scan looks for it).
export const PHONE = { viewport: { width: 393, height: 851 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2.75 };

/// `stay`: the report page is already open (the test set it up), so do not load it again.
/// `danger`: the person is in danger now (the emergency help is shown, then they go on).
export type ReportAnswers = {
  prefix: string;
  urls: string[];
  images?: string[];
  stay?: boolean;
  danger?: boolean;
  country?: string;
};

/// Walks the whole report flow, from the first question to the receipt, and returns the receipt.
/// Works with and without JavaScript (the file step is skipped without it).
export async function sendReport(page: Page, answers: ReportAnswers): Promise<string> {
  const next = page.locator('button[name=nav][value=next]');
  if (!answers.stay) await page.goto(`${answers.prefix}/report`);
  await page.locator(answers.danger ? '#safety-danger' : '#safety-safe').check();
  await next.click();
  if (answers.danger) await page.locator('button[name=nav][value=continue]').click();
  await page.locator('#happened-sextortion').check();
  await page.locator('#happened-shared_without_consent').check();
  await next.click();
  await page.locator('#age-from13_to15').check();
  await page.locator('#field-country').selectOption(answers.country ?? 'NL');
  await next.click();
  await page.locator('#field-urls').fill(answers.urls.join('\n'));
  await next.click();
  if (answers.images?.length) {
    await page.locator('#file-picker').setInputFiles(answers.images);
    await expect(page.locator('[data-file-hasher]')).toHaveAttribute('data-done', String(answers.images.length), {
      timeout: 60_000,
    });
  } else {
    await expect(page.locator('#file-step-title')).toBeVisible();
  }
  await next.click();
  const check = page.locator('.check-list');
  for (const url of answers.urls) await expect(check).toContainText(url);
  await page.locator('button[name=nav][value=submit]').click();
  const receipt = page.locator('[data-receipt]');
  await expect(receipt).toBeVisible();
  return (await receipt.textContent())!.trim();
}

/// Signs in on the follow-up page with a receipt.
export async function signIn(page: Page, prefix: string, receipt: string) {
  await page.goto(`${prefix}/follow-up`);
  await page.locator('#field-receipt').fill(receipt);
  await page.locator('form.sign-in button[type=submit]').click();
}

/// A message from the portal's own Fluent files (single-line messages, variables left as
/// `{ $name }`), so tests check the words a person reads without copying them.
export function message(lang: string, key: string): string {
  const fs = require('node:fs') as typeof import('node:fs');
  const path = require('node:path') as typeof import('node:path');
  const dir = path.join(__dirname, '..', '..', 'locales', lang);
  for (const file of fs.readdirSync(dir)) {
    for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      const match = line.match(/^([a-z0-9-]+) = (.*)$/);
      if (match && match[1] === key) return match[2];
    }
  }
  throw new Error(`no message ${key} in ${lang}`);
}

/// Signs a staff member in at the test identity provider (e2e/oidc/provider.mjs), from the
/// staff home page.
export async function signInStaff(page: Page, email: string) {
  await page.goto('/staff');
  await page.getByRole('link', { name: "Sign in with your organisation's account" }).click();
  await expect(page.getByRole('heading', { name: 'Test identity provider' })).toBeVisible();
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill('test-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/// A staff account for the command line's `--as`: invited, then signed in once (in a browser
/// context of its own, so the test's page keeps its cookies), as a new colleague would.
export async function staffAccount(
  browser: import('@playwright/test').Browser,
  testInfo: import('@playwright/test').TestInfo,
  email: string,
  role = 'helpline_staff',
) {
  portalCli(testInfo, ['admin', 'invite', '--email', email, '--role', role]);
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const page = await context.newPage();
  await signInStaff(page, email);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await context.close();
}

/// Signs out of the staff workspace, and forgets the identity provider's own session too, so
/// the next sign-in shows its login page.
export async function signOutStaff(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByText('You are signed out.')).toBeVisible();
  await page.context().clearCookies();
}
