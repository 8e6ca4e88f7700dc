// Staff sign in through a real OpenID provider (e2e/oidc/provider.mjs): an administrator
// (invited by `portal admin invite` when the server starts) invites an analyst, who signs in
// on the provider's own login page, sees their role, and signs out; a stranger is refused.
import { test, expect, signInStaff as signIn, signOutStaff as signOut } from '../fixtures';

test.describe('Staff | Sign in', () => {
  test('an administrator invites an analyst, who signs in with their role and signs out', async ({
    page,
    audit,
    consoleErrors,
  }, testInfo) => {
    const analyst = `analyst-${testInfo.project.name}-${Date.now()}@example.test`;
    // axe-core runs scripts in the page: only where JavaScript is on.
    const a11y = testInfo.project.use.javaScriptEnabled === false ? async () => {} : audit;
    // The browser logs the deliberate 401 and 403 answers below; nothing else may show up.
    const expectRefusalLogged = (status: number) => {
      const i = consoleErrors.findIndex((e) => e.includes(`status of ${status}`));
      if (i >= 0) consoleErrors.splice(i, 1);
    };

    await signIn(page, 'admin@example.test');
    await expect(page.getByTestId('staff-identity')).toHaveText('Signed in as admin (Administrator).');
    await page.getByRole('link', { name: 'Staff and organisations' }).click();
    await expect(page.getByRole('heading', { name: 'Invite a staff member' })).toBeVisible();
    await page.locator('#field-invite-email').fill(analyst);
    await page.locator('#field-invite-role').selectOption('analyst');
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    await expect(page.getByText('The invitation is saved.')).toBeVisible();
    await expect(page.getByRole('cell', { name: analyst })).toBeVisible();
    await a11y();
    await page.goto('/staff');
    await signOut(page);

    await signIn(page, analyst);
    await expect(page).toHaveURL(/\/staff$/);
    await expect(page.getByTestId('staff-identity')).toContainText('(Analyst)');
    await expect(page.getByRole('link', { name: 'Staff and organisations' })).toHaveCount(0);
    await a11y();
    const forbidden = await page.goto('/staff/admin');
    expect(forbidden?.status()).toBe(403);
    expectRefusalLogged(403);
    await expect(page.getByText('Your role does not give access to this page.')).toBeVisible();

    await page.goto('/staff');
    await signOut(page);
    const signedOut = await page.goto('/staff/admin');
    expect(signedOut?.status()).toBe(401);
    expectRefusalLogged(401);
    await expect(page.getByText('Please sign in to see this page.')).toBeVisible();
  });

  test('someone who was not invited is refused with a clear message', async ({ page }, testInfo) => {
    await signIn(page, `stranger-${testInfo.project.name}-${Date.now()}@example.test`);
    await expect(page).toHaveURL(/\/staff\?sign-in=refused$/);
    await expect(page.getByText('This account has not been invited to the staff workspace.')).toBeVisible();
    await expect(page.getByTestId('staff-identity')).toHaveCount(0);
  });

  test('the administrator reads an intact audit trail', async ({ page }) => {
    await signIn(page, 'admin@example.test');
    await page.getByRole('link', { name: 'Audit trail' }).click();
    await expect(page.getByTestId('audit-chain')).toContainText('The audit trail is intact');
    await expect(page.getByRole('cell', { name: 'staff.signed_in' }).first()).toBeVisible();
  });
});
