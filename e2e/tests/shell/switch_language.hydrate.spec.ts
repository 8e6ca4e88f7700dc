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
