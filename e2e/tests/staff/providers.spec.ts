// The provider directory, in Dutch: an administrator finds a seeded provider, adds one, gets a
// refusal in Dutch with everything typed still there, saves a correct edit, and sees it in
// `portal provider show`. Works with and without JavaScript. Each run adds its own provider,
// so the projects sharing a database never edit the same entry.
import { test, expect, message, portalCli, signInStaff, signOutStaff } from '../fixtures';

test('an administrator edits the provider directory in Dutch', async ({ page, audit }, testInfo) => {
  test.setTimeout(90_000);
  const js = testInfo.project.use.javaScriptEnabled !== false;
  const tag = `${testInfo.project.name}-${Date.now()}`;
  const admin = `admin-providers-${tag}@example.test`;
  portalCli(testInfo, ['admin', 'invite', '--email', admin, '--role', 'administrator']);
  await signInStaff(page, admin);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

  await page.goto('/nl/staff');
  await page.getByRole('link', { name: message('nl', 'provider-list-title') }).click();
  await expect(page.getByRole('heading', { level: 1, name: message('nl', 'provider-list-title') })).toBeVisible();
  await expect(page.locator('tr[data-provider="hetzner"]')).toBeVisible();
  if (js) await audit();

  await page.getByLabel(message('nl', 'provider-filter-label')).fill('hetzner');
  await page.getByRole('button', { name: message('nl', 'provider-filter-button') }).click();
  await expect(page.locator('tr[data-provider]')).toHaveCount(1);
  await expect(page.locator('tr[data-provider="hetzner"]')).toBeVisible();

  const id = `e2e-${tag}`.toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 60);
  await page.getByLabel(message('nl', 'provider-field-id'), { exact: true }).fill(id);
  await page.getByLabel(message('nl', 'provider-field-name'), { exact: true }).fill('Voorbeeld Hosting B.V.');
  await page.getByRole('button', { name: message('nl', 'provider-add-button') }).click();
  await expect(page.getByText(message('nl', 'provider-done-added'))).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Voorbeeld Hosting B.V.' })).toBeVisible();

  // A country that is not two letters: the message in Dutch, the rest as typed.
  await page.getByLabel(message('nl', 'provider-field-country')).fill('Nederland');
  await page.getByLabel(message('nl', 'provider-field-notice-email')).fill('abuse@voorbeeld-hosting.nl');
  await page.getByLabel(message('nl', 'provider-field-asns')).fill('AS64500, 64501');
  await page.getByLabel(message('nl', 'provider-field-channel'), { exact: true }).selectOption('email');
  await page.getByRole('button', { name: message('nl', 'provider-save-button') }).click();
  await expect(page.getByRole('alert')).toHaveText(message('nl', 'provider-error-country'));
  await expect(page.getByLabel(message('nl', 'provider-field-notice-email'))).toHaveValue('abuse@voorbeeld-hosting.nl');
  await expect(page.getByLabel(message('nl', 'provider-field-asns'))).toHaveValue('AS64500, 64501');
  await expect(page.getByLabel(message('nl', 'provider-field-country'))).toHaveAttribute('aria-invalid', 'true');
  if (js) await audit();

  await page.getByLabel(message('nl', 'provider-field-country')).fill('NL');
  await page.getByLabel(message('nl', 'provider-field-source-url')).fill('https://voorbeeld-hosting.nl/abuse');
  await page.getByRole('button', { name: message('nl', 'provider-save-button') }).click();
  await expect(page.getByText(message('nl', 'provider-done-saved'))).toBeVisible();
  await expect(page.getByLabel(message('nl', 'provider-field-country'))).toHaveValue('NL');
  await expect(page.getByRole('link', { name: 'https://voorbeeld-hosting.nl/abuse' }).first()).toBeVisible();

  const shown = JSON.parse(portalCli(testInfo, ['provider', 'show', id]));
  expect(shown.country).toBe('NL');
  expect(shown.channel).toBe('email');
  expect(shown.match.asns).toEqual([64500, 64501]);
  expect(shown.dsa.notice_email).toBe('abuse@voorbeeld-hosting.nl');

  await page.goto('/staff');
  await signOutStaff(page);
});
