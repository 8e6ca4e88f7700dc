import { test, expect, expectNoTraces } from '../fixtures';

test.describe('Shell | Switch language', () => {
  test('the switch shows the same page in the other language', async ({ page }) => {
    await page.goto('/help');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('link', { name: 'Nederlands' }).click();
    await expect(page).toHaveURL(/\/nl\/help$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nu hulp krijgen');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    // Links now keep the chosen language.
    await page.getByRole('link', { name: 'Safe Again' }).click();
    await expect(page).toHaveURL(/\/nl$/);
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/en$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('removed');
    await expectNoTraces(page);
  });
});
