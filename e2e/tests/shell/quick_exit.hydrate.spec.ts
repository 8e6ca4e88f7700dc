import { test, expect, NEUTRAL_SITE } from '../fixtures';

test.describe('Shell | Quick exit', () => {
  test('one tap leaves, and Back does not return to the portal', async ({ page }) => {
    await page.goto('about:blank');
    await page.goto('/');
    await page.locator('[data-quick-exit]').click();
    await expect(page).toHaveURL(NEUTRAL_SITE);
    await expect(page.getByRole('heading')).toHaveText('Weather today');
    await page.goBack();
    expect(page.url()).not.toContain('127.0.0.1');
  });

  test('it works before the app has loaded', async ({ page }) => {
    // Hold back the WebAssembly: the inline script alone must do the job.
    await page.route('**/pkg/*.wasm', () => new Promise(() => {}));
    await page.goto('about:blank');
    await page.goto('/report', { waitUntil: 'domcontentloaded' });
    await page.locator('[data-quick-exit]').click();
    await expect(page).toHaveURL(NEUTRAL_SITE);
    await page.goBack();
    expect(page.url()).not.toContain('127.0.0.1');
  });

  test('the Escape key leaves too', async ({ page, hydrated }) => {
    await page.goto('about:blank');
    await page.goto('/nl/help');
    await hydrated();
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(NEUTRAL_SITE);
    await page.goBack();
    expect(page.url()).not.toContain('127.0.0.1');
  });
});
