import { test, expect } from '../fixtures';

// With JavaScript the router follows the switch without reloading the page: this proves the
// app hydrated and is interactive.
test.describe('Shell | Switch language without reload', () => {
  test('switching language keeps the page alive', async ({ page, hydrated }) => {
    await page.goto('/report');
    await hydrated();
    await page.evaluate(() => ((window as unknown as { portalMarker: number }).portalMarker = 42));
    await page.getByRole('link', { name: 'Nederlands' }).click();
    await expect(page).toHaveURL(/\/nl\/report$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Beelden melden en laten verwijderen');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    const marker = await page.evaluate(() => (window as unknown as { portalMarker?: number }).portalMarker);
    expect(marker, 'the page was not reloaded').toBe(42);
  });
});

test.describe('Report | Switch language mid-report', () => {
  test('the answers and the step survive the switch', async ({ page, hydrated }) => {
    const next = page.locator('button[name=nav][value=next]');
    await page.goto('/report');
    await hydrated();
    await page.locator('#safety-safe').check();
    await next.click();
    await page.locator('#happened-fake_nudes').check();
    await next.click();
    await page.locator('#age-from18_to24').check();
    await page.locator('#field-country').selectOption('DE');
    await next.click();
    await page.locator('#field-urls').fill('https://kept.example/a');

    await page.getByRole('link', { name: 'Nederlands' }).click();
    await expect(page).toHaveURL(/\/nl\/report$/);
    // The same step, now in Dutch; the answers of earlier steps are still there.
    await expect(page.locator('.progress-text')).toHaveText(/^Stap 4 /);
    await page.locator('button[name=nav][value=back]').click();
    await expect(page.locator('#age-from18_to24')).toBeChecked();
    await expect(page.locator('#field-country')).toHaveValue('DE');
  });
});
