import { test, expect, NEUTRAL_SITE } from '../fixtures';

test.describe('Shell | Quick exit without JavaScript', () => {
  test('the button is a plain link to the neutral site', async ({ page }) => {
    await page.goto('/parents');
    await page.locator('[data-quick-exit]').click();
    await expect(page).toHaveURL(NEUTRAL_SITE);
  });
});
