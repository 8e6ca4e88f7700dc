import { test, expect, expectNoTraces, ALL_PATHS, PUBLIC_PATHS } from '../fixtures';

test.describe('Home | Render', () => {
  test('renders in English for an English browser', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('removed');
    await expect(page.getByRole('link', { name: /Report images and get them removed/ })).toBeVisible();
    await expect(page.getByRole('link', { name: /I'm a parent or carer/ })).toBeVisible();
    await expect(page.getByRole('link', { name: /Check on my report/ })).toBeVisible();
    await expectNoTraces(page);
  });

  test.describe('for a Dutch browser', () => {
    test.use({ locale: 'nl-NL' });

    test('renders in Dutch', async ({ page }) => {
      await page.goto('/');
      await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
      await expect(page.getByRole('link', { name: /Beelden melden en laten verwijderen/ })).toBeVisible();
      await expect(page.getByRole('link', { name: /Ik ben ouder of verzorger/ })).toBeVisible();
      await expect(page.getByRole('link', { name: /Mijn melding bekijken/ })).toBeVisible();
    });
  });

  test('a language in the address wins over the browser', async ({ page }) => {
    await page.goto('/nl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('verwijderen');
  });

  test('every public page has a quick exit and leaves no trace', async ({ page }) => {
    for (const path of PUBLIC_PATHS) {
      for (const prefix of ['', '/nl']) {
        await page.goto(prefix && path === '/' ? prefix : prefix + path);
        await expect(page.locator('[data-quick-exit]'), `${prefix}${path}`).toBeVisible();
        await expectNoTraces(page);
      }
    }
  });

  // Staff work at a desk in their own organisation: their pages carry the workspace's own
  // header (no quick exit, no victims' footer), and leave no trace all the same.
  test('staff pages have the workspace header and leave no trace', async ({ page }) => {
    const staff = ALL_PATHS.filter((path) => !PUBLIC_PATHS.includes(path));
    expect(staff).toContain('/staff');
    for (const path of staff) {
      for (const prefix of ['', '/nl']) {
        await page.goto(prefix + path);
        await expect(page.locator('main.workspace'), `${prefix}${path}`).toBeVisible();
        await expect(page.locator('[data-quick-exit]')).toHaveCount(0);
        await expectNoTraces(page);
      }
    }
  });

  test('an unknown address shows a kind not-found page', async ({ page, consoleErrors }) => {
    const response = await page.goto('/nl/bestaat-niet');
    expect(response?.status()).toBe(404);
    // The browser reports the 404 of the page itself as a console error; that one is expected.
    const expected = consoleErrors.filter((e) => /status of 404/.test(e));
    expect(expected.length).toBeLessThanOrEqual(1);
    consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !/status of 404/.test(e)));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
    await expect(page.locator('[data-quick-exit]')).toBeVisible();
  });
});
