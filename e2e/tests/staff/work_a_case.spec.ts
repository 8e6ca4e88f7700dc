// The whole way of a report through the staff workspace, with a real identity provider: a
// person in danger reports on their phone; an analyst signs in, sees that case on top of the
// queue and why, opens it, assesses an address and writes; the reporter signs in with the
// receipt and reads the answer.
import { test, expect, message, portalCli, sendReport, signIn, signInStaff, signOutStaff } from '../fixtures';

test.describe('Staff | Work a case', () => {
  test('an analyst takes the most urgent case, assesses and writes; the reporter reads it', async ({
    page,
    audit,
  }, testInfo) => {
    test.setTimeout(90_000);
    const js = testInfo.project.use.javaScriptEnabled !== false;
    const a11y = js ? audit : async () => {};
    const tag = `${testInfo.project.name}-${Date.now()}`;
    // Each project has a country of its own, so projects sharing a server find their case.
    const country = js ? 'LU' : 'MT';
    const address = `https://urgent-${tag}.example/photo`;
    const receipt = await sendReport(page, { prefix: '', urls: [address], danger: true, country });

    const analyst = `analyst-case-${tag}@example.test`;
    portalCli(testInfo, ['admin', 'invite', '--email', analyst, '--role', 'analyst']);
    await signInStaff(page, analyst);
    await page.getByRole('link', { name: message('en', 'case-queue-title') }).click();
    // The most urgent case is on top and says why.
    const first = page.locator('table.queue tbody tr').first();
    await expect(first).toContainText('In danger now (+2000)');
    await a11y();
    // The filters narrow it to this project's case.
    await page.locator('#filter-country').selectOption(country);
    await page.locator('#filter-category').selectOption('sextortion');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(new RegExp(`country=${country}`));
    await first.getByRole('link').click();

    // The address is text, not a link: the portal never loads reported content.
    const url = page.getByTestId('item-url');
    await expect(url).toHaveText(address);
    await expect(page.locator(`a[href="${address}"]`)).toHaveCount(0);
    await page.getByRole('button', { name: 'Take this case' }).click();
    await expect(page.getByText('You have taken this case.')).toBeVisible();

    // Assess the address, with a reason.
    const item = page.locator('.case-item').first();
    await item.getByLabel('Assessment').selectOption('csam');
    await item.getByLabel('Reason').fill('Sexual image of a child, reporter is under 18');
    await item.getByRole('button', { name: 'Save assessment' }).click();
    await expect(page.getByText('The assessment is saved.')).toBeVisible();
    await expect(page.getByTestId('item-assessment')).toContainText('Child sexual abuse material');

    const reply = `We are on it (${tag}). We asked the website to remove it.`;
    await page.getByLabel('Message to the reporter').fill(reply);
    await page.getByRole('button', { name: 'Send message' }).click();
    await expect(page.getByText(message('en', 'case-done-messaged'))).toBeVisible();
    const timeline = page.getByTestId('case-timeline');
    for (const step of ['Report received', 'Assigned', 'Item assessed', 'Message sent to the reporter']) {
      await expect(timeline).toContainText(step);
    }
    await a11y();
    await page.goto('/staff');
    await signOutStaff(page);

    // The reporter, with the receipt.
    await signIn(page, '', receipt);
    await expect(page.getByText(reply)).toBeVisible();
    await expect(page.getByText(message('en', 'follow-up-status-in-review'))).toBeVisible();
  });
});
