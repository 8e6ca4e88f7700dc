// Without JavaScript the browser keeps every page of the visit in its history; the first
// report step says so. Quick exit on a report step goes through /exit, which forgets the
// draft: Back through the whole history never finds a page that shows it.
import type { Page } from '@playwright/test';
import { test, expect, message, NEUTRAL_SITE } from '../fixtures';

test('after quick exit, no page in the history shows the draft', async ({ page }, testInfo) => {
  const secret = `https://secret-${testInfo.project.name}-${Date.now()}.example/photo`;
  const next = page.locator('button[name=nav][value=next]');
  await page.goto('about:blank');
  await page.goto('/nl');
  await page.locator('a.way-in-report').click();
  // The first step says what stays in the history, and how to clear it.
  await expect(page.getByText(message('nl', 'report-history-no-js').slice(0, 40))).toBeVisible();
  await page.locator('#safety-safe').check();
  await next.click();
  await page.locator('#happened-fake_nudes').check();
  await next.click();
  await page.locator('#age-from16_to17').check();
  await page.locator('#field-country').selectOption('BE');
  await next.click();
  await page.locator('#field-urls').fill(secret);
  await next.click();
  await expect(page.locator('.file-step')).toBeVisible();
  expect(await page.content()).toContain('secret-');
  await page.locator('[data-quick-exit]').click();
  await expect(page).toHaveURL(NEUTRAL_SITE);

  const shown = async (p: Page) => (await p.content().catch(() => '')).includes(secret);
  for (let i = 0; i < 12; i++) {
    const before = page.url();
    await page.goBack({ waitUntil: 'commit' }).catch(() => null);
    await page.waitForLoadState('domcontentloaded').catch(() => null);
    expect(await shown(page), `after ${i + 1} x Back: ${page.url()}`).toBe(false);
    // A step the browser offers to send again: sent again, it shows a new, empty report.
    if (page.url().includes('/report')) {
      await page.reload().catch(() => null);
      await page.waitForLoadState('domcontentloaded').catch(() => null);
      expect(await shown(page), `resubmitted: ${page.url()}`).toBe(false);
    }
    if (page.url() === before || page.url() === 'about:blank') break;
  }
});
