// Quick exit leaves nothing of the visit in the back-button history, with JavaScript: every
// link inside the portal replaces the history entry it leaves, so quick exit's
// `location.replace` removes the whole visit, however many pages it had.
import type { Page } from '@playwright/test';
import { test, expect, NEUTRAL_SITE } from '../fixtures';

/// Presses Back until the history ends; the addresses passed on the way.
async function backToTheStart(page: Page): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < 20; i++) {
    const before = page.url();
    await page.goBack({ waitUntil: 'commit' }).catch(() => null);
    await page.waitForTimeout(200);
    if (page.url() === before) break;
    seen.push(page.url());
  }
  return seen;
}

test.describe('Shell | Quick exit leaves no history', () => {
  test('home, a report step, help, parents and follow-up, then quick exit: Back never finds the portal', async ({
    page,
    hydrated,
  }) => {
    await page.goto('about:blank');
    await page.goto('/nl');
    await hydrated();
    await page.locator('a.way-in-report').click();
    await expect(page).toHaveURL(/\/nl\/report$/);
    await page.locator('#safety-safe').check();
    await page.locator('button[name=nav][value=next]').click();
    await expect(page.locator('#happened-fake_nudes')).toBeVisible();
    await page.locator('.site-footer a').click();
    await expect(page).toHaveURL(/\/nl\/help$/);
    await page.locator('a.brand').click();
    await page.locator('a.way-in[href="/nl/parents"]').click();
    await expect(page).toHaveURL(/\/nl\/parents$/);
    await page.locator('a.brand').click();
    await page.locator('a.way-in[href="/nl/follow-up"]').click();
    await expect(page).toHaveURL(/\/nl\/follow-up$/);
    await page.locator('[data-quick-exit]').click();
    await expect(page).toHaveURL(NEUTRAL_SITE);
    const seen = await backToTheStart(page);
    expect(seen.filter((url) => url.includes('127.0.0.1')), 'portal pages in the history').toEqual([]);
  });

  test('links tapped before the app has loaded replace the entry too', async ({ page }) => {
    await page.route('**/pkg/*.wasm', () => new Promise(() => {}));
    await page.goto('about:blank');
    await page.goto('/nl', { waitUntil: 'domcontentloaded' });
    await page.locator('a.way-in[href="/nl/parents"]').click();
    await expect(page).toHaveURL(/\/nl\/parents$/);
    await page.locator('a.brand').click();
    await expect(page).toHaveURL(/\/nl$/);
    await page.locator('[data-quick-exit]').click();
    await expect(page).toHaveURL(NEUTRAL_SITE);
    const seen = await backToTheStart(page);
    expect(seen.filter((url) => url.includes('127.0.0.1'))).toEqual([]);
  });

  test('a follow-up form sent with JavaScript adds no entry and keeps the text on a refusal', async ({
    page,
    hydrated,
  }) => {
    await page.goto('about:blank');
    await page.goto('/nl/follow-up');
    await hydrated();
    await page.locator('#field-receipt').fill('AAAAA-BBBBB-CCCCC-DDDDD');
    await page.getByRole('button', { name: 'Toon mijn melding' }).click();
    await expect(page.locator('#error-receipt')).toBeVisible();
    await expect(page.locator('#field-receipt')).toHaveValue('AAAAA-BBBBB-CCCCC-DDDDD');
    await page.locator('[data-quick-exit]').click();
    await expect(page).toHaveURL(NEUTRAL_SITE);
    const seen = await backToTheStart(page);
    expect(seen.filter((url) => url.includes('127.0.0.1'))).toEqual([]);
  });
});
