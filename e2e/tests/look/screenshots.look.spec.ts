// The look of every page: a full-page screenshot for a person to review, in
// e2e/artifacts/look/{page}-{width}x{height}-{lang}.png (overwritten on each run), then the
// layout checks of ./layout.ts that a person would otherwise do by eye on it. The public pages
// and every step of the report on a small phone, the staff workspace on a laptop (and its
// queue and a case on a phone). Checks are soft: one run lists the problems of every page.
// Runs in the `look` project only (SQLite, with JavaScript): `npx playwright test --project=look`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, PUBLIC_PATHS, portalCli, sendReport, signIn, signInStaff, signOutStaff } from '../fixtures';
import { layoutProblems, FIT_CHECKS, type Check } from './layout';

const ARTIFACTS = path.join(__dirname, '..', '..', 'artifacts', 'look');
fs.mkdirSync(ARTIFACTS, { recursive: true });
const IMAGE = path.join(__dirname, '..', '..', '..', 'app', 'hashing', 'testdata', 'images', 'shapes_1023x767_q95.jpg');

/// A small phone, the narrowest screen the portal is made for.
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
/// A staff member's laptop.
const LAPTOP = { viewport: { width: 1366, height: 900 } };
const LANGS = ['en', 'nl'];

/// `/parents/sextortion` → `parents-sextortion`, `/` → `home`.
const slugOf = (pagePath: string) => pagePath.replace(/^\/+|\/+$/g, '').replace(/\//g, '-') || 'home';

/// A picture of the whole page. Not Playwright's `fullPage`: Chromium's capture beyond the
/// viewport drops the phone's `hover: none` while it captures, so the picture would show what
/// only a mouse user sees (the quick exit's "or press Esc"). A viewport as tall as the page
/// keeps the phone's media features; the page is then put back to the screen's size. A page
/// wider than the screen (the overflow check fails on it) is taken with `fullPage` after all, so
/// the picture shows what sticks out.
async function screenshotWholePage(page: Page, file: string) {
  const screen = page.viewportSize()!;
  const pageHeight = () => page.evaluate(() => document.documentElement.scrollHeight);
  await page.evaluate(() => window.scrollTo(0, 0));
  if ((await page.evaluate(() => document.documentElement.scrollWidth)) > screen.width) {
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
    return;
  }
  for (let i = 0, height = await pageHeight(); i < 3 && height > page.viewportSize()!.height; i++) {
    await page.setViewportSize({ width: screen.width, height });
    height = await pageHeight();
  }
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  await page.setViewportSize(screen);
}

/// Saves the screenshot, then checks the layout (softly: the test goes on to the next page).
async function look(page: Page, slug: string, lang: string, checks?: Check[]) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready.then(() => true));
  const { width, height } = page.viewportSize()!;
  const file = path.join(ARTIFACTS, `${slug}-${width}x${height}-${lang}.png`);
  await screenshotWholePage(page, file);
  const problems = await layoutProblems(page, { checks });
  expect.soft(problems, `${slug}-${width}x${height}-${lang} (${page.url()})`).toEqual([]);
}

test.describe('Look | Report steps on a phone', () => {
  test.use(PHONE);
  for (const lang of LANGS) {
    test(`every step of the report and the follow-up in ${lang}`, async ({ page, hydrated }) => {
      test.setTimeout(120_000);
      const prefix = `/${lang}`;
      const tag = `look${lang}${Date.now().toString(36).slice(-5)}`;
      const next = page.locator('button[name=nav][value=next]');
      await page.goto(`${prefix}/report`);
      await hydrated();

      await expect(page.locator('#safety-safe')).toBeVisible();
      await look(page, 'report-step-1-safety', lang);
      // Not safe now: the emergency help first, then the person goes on.
      await page.locator('#safety-danger').check();
      await next.click();
      await expect(page.locator('button[name=nav][value=continue]')).toBeVisible();
      await look(page, 'report-acute', lang);
      await page.locator('button[name=nav][value=continue]').click();

      await expect(page.locator('#happened-sextortion')).toBeVisible();
      await look(page, 'report-step-2-happened', lang);
      await page.locator('#happened-sextortion').check();
      await page.locator('#happened-shared_without_consent').check();
      await next.click();

      await expect(page.locator('#age-from13_to15')).toBeVisible();
      await look(page, 'report-step-3-about', lang);
      await page.locator('#age-from13_to15').check();
      await page.locator('#field-country').selectOption('NL');
      await next.click();

      await expect(page.locator('#field-urls')).toBeVisible();
      await look(page, 'report-step-4-where', lang);
      // Mistakes: a message per line, next to the field.
      await page.locator('#field-urls').fill(`https://look.example/${tag}/photo.jpg\nnot an address\nftp://old.example/x`);
      await next.click();
      await expect(page.locator('#error-urls')).toBeVisible();
      await look(page, 'report-step-4-where-errors', lang);
      await page.locator('#field-urls').fill(`https://look.example/${tag}/photo.jpg`);
      await next.click();

      await expect(page.locator('#file-step-title')).toBeVisible();
      await look(page, 'report-step-5-files', lang);
      await page.locator('#file-picker').setInputFiles(IMAGE);
      await expect(page.locator('[data-file-hasher]')).toHaveAttribute('data-done', '1', { timeout: 60_000 });
      await look(page, 'report-step-5-files-chosen', lang);
      await next.click();

      await expect(page.locator('.check-list')).toContainText(`look.example/${tag}`);
      await look(page, 'report-step-6-check', lang);
      await page.locator('button[name=nav][value=submit]').click();

      const receipt = page.locator('[data-receipt]');
      await expect(receipt).toBeVisible();
      const code = (await receipt.textContent())!.trim();
      await look(page, 'report-done', lang);

      // The follow-up: the sign-in with the receipt typed in, then signed in (items, the
      // message form, adding addresses, withdrawing).
      await page.goto(`${prefix}/follow-up`);
      await hydrated();
      await page.locator('#field-receipt').fill(code);
      await look(page, 'follow-up-signed-out', lang);
      await signIn(page, prefix, code);
      await expect(page.locator('li.item').first()).toBeVisible();
      await expect(page.locator('#field-message')).toBeVisible();
      await look(page, 'follow-up-signed-in', lang);
    });
  }
});

/// Sends a report (so the queue has a case) and returns its case number.
async function aCase(page: Page, testInfo: import('@playwright/test').TestInfo, tag: string) {
  const address = `https://look-${tag}.example/photo`;
  await sendReport(page, { prefix: '/en', urls: [address] });
  const ids = portalCli(testInfo, ['report', 'find', address]).trim().split('\n');
  expect(ids).toHaveLength(1);
  return ids[0];
}

/// Invites an analyst (who may see the queue and cases) and signs them in.
async function signInAnalyst(page: Page, testInfo: import('@playwright/test').TestInfo, tag: string) {
  const analyst = `look-analyst-${tag}@example.test`;
  portalCli(testInfo, ['admin', 'invite', '--email', analyst, '--role', 'analyst']);
  await signInStaff(page, analyst);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/// An entry on the hash list two platforms disagree about (one acted on it, one found nothing
/// wrong), for the analysts' hash-list page to show; imported, so nobody's organisation owns it.
async function aDisputedEntry(testInfo: import('@playwright/test').TestInfo, tag: string) {
  const base = testInfo.project.use.baseURL!;
  const pdq = require('node:crypto').randomBytes(32).toString('hex') as string;
  const file = path.join(require('node:os').tmpdir(), `look-${tag}.jsonl`);
  fs.writeFileSync(file, JSON.stringify({ pdq, pdq_quality: 90, list: 'ncii', status: 'analyst_confirmed' }) + '\n');
  portalCli(testInfo, ['hash-list', 'import', file]);
  fs.rmSync(file);
  const keyOf = (name: string) =>
    portalCli(testInfo, ['platform', 'create', `${name} ${tag}`, '--scopes', 'match,feedback']).trim().split('\n').pop()!;
  const call = (key: string, endpoint: string, body: object) =>
    fetch(`${base}/api/v1/${endpoint}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then((r) => r.json());
  const [acting, doubting] = [keyOf('Video site'), keyOf('Chat app')];
  let id = '';
  // The index follows the database within a second.
  await expect(async () => {
    const answer = await call(acting, 'match', { items: [{ type: 'pdq', value: pdq }] });
    id = answer.items[0].matches[0]?.id ?? '';
    expect(id).not.toBe('');
  }).toPass({ timeout: 10_000 });
  await call(acting, 'feedback', { items: [{ id, verdict: 'actioned', reason: 'tos_4.2' }] });
  await call(doubting, 'feedback', { items: [{ id, verdict: 'not_violating' }] });
}

test.describe('Look | Staff workspace on a laptop', () => {
  test.use(LAPTOP);
  for (const lang of LANGS) {
    test(`staff pages in ${lang}`, async ({ page, hydrated }, testInfo) => {
      test.setTimeout(120_000);
      const tag = `${lang}${Date.now().toString(36).slice(-5)}`;
      const id = await aCase(page, testInfo, tag);
      const visit = async (slug: string, pagePath: string, ready = page.getByRole('heading', { level: 1 })) => {
        await page.goto(`/${lang}${pagePath}`);
        await hydrated();
        await expect(ready.first()).toBeVisible();
        await look(page, slug, lang);
      };

      // An analyst: the queue and a case (administrators see neither).
      await signInAnalyst(page, testInfo, tag);
      await visit('staff', '/staff');
      await visit('staff-cases', '/staff/cases', page.locator('table.queue tbody tr'));
      await visit('staff-case', `/staff/cases/${id}`, page.getByTestId('item-url'));
      await aDisputedEntry(testInfo, tag);
      await visit('staff-hash-list', '/staff/hash-list', page.locator('li.disputed'));
      await page.goto('/staff');
      await signOutStaff(page);

      // The administrator: staff and organisations, the audit trail, the provider directory.
      await signInStaff(page, 'admin@example.test');
      await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
      await visit('staff-admin', '/staff/admin');
      await visit('staff-audit', '/staff/audit');
      const provider = page.locator('tr[data-provider="hetzner"] a');
      await visit('staff-providers', '/staff/providers', provider);
      const href = (await provider.first().getAttribute('href'))!;
      await visit('staff-provider', href.replace(/^\/(en|nl)(?=\/)/, ''));
      // A platform's key, made with the form: the page that shows it once.
      await visit('staff-platforms', '/staff/platforms', page.locator('#field-platform-name'));
      await page.locator('#field-platform-name').fill(`Look app ${tag}`);
      await page.locator('#field-platform-sandbox').check();
      await page.locator('form.staff-form button[type=submit]').click();
      await expect(page.locator('[data-platform-key]')).toHaveText(/^\s*sa_test_[0-9a-f]+\s*$/);
      await look(page, 'staff-platforms-key', lang);
    });
  }
});

test.describe('Look | Staff workspace on a phone', () => {
  test.use(PHONE);
  test('the queue and a case stay on the screen', async ({ page, hydrated }, testInfo) => {
    test.setTimeout(90_000);
    const tag = `phone${Date.now().toString(36).slice(-5)}`;
    const id = await aCase(page, testInfo, tag);
    await signInAnalyst(page, testInfo, tag);
    for (const lang of LANGS) {
      await page.goto(`/${lang}/staff/cases`);
      await hydrated();
      await expect(page.locator('table.queue tbody tr').first()).toBeVisible();
      await look(page, 'staff-cases', lang, FIT_CHECKS);
      await page.goto(`/${lang}/staff/cases/${id}`);
      await hydrated();
      await expect(page.getByTestId('item-url')).toBeVisible();
      await look(page, 'staff-case', lang, FIT_CHECKS);
    }
    await aDisputedEntry(testInfo, tag);
    for (const lang of LANGS) {
      await page.goto(`/${lang}/staff/hash-list`);
      await hydrated();
      await expect(page.locator('li.disputed').first()).toBeVisible();
      await look(page, 'staff-hash-list', lang, FIT_CHECKS);
    }
    await page.goto('/staff');
    await signOutStaff(page);
    await signInStaff(page, 'admin@example.test');
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    for (const lang of LANGS) {
      await page.goto(`/${lang}/staff/platforms`);
      await hydrated();
      await expect(page.locator('#field-platform-name')).toBeVisible();
      await look(page, 'staff-platforms', lang, FIT_CHECKS);
    }
  });
});

// Last: the long walks above start first, so the two workers finish together.
test.describe('Look | Public pages on a phone', () => {
  test.use(PHONE);
  for (const lang of LANGS) {
    for (const pagePath of PUBLIC_PATHS) {
      test(`${lang}${pagePath}`, async ({ page, hydrated }) => {
        await page.goto(pagePath === '/' ? `/${lang}` : `/${lang}${pagePath}`);
        await hydrated();
        await look(page, slugOf(pagePath), lang);
      });
    }
  }
});
