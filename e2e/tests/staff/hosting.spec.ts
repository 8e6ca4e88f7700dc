// Where a reported address is hosted, in Dutch: a person reports an address; the portal looks
// up who hosts it (against the test DNS and RDAP servers on loopback); an analyst sees the
// network, its country and abuse contact on the case page and assesses the address; then the
// reporter's follow-up says who hosts it. Works with and without JavaScript.
import { test, expect, message, portalCli, sendReport, signIn, signInStaff, signOutStaff } from '../fixtures';

test('the case page and the follow-up show where an address is hosted, in Dutch', async ({
  page,
  audit,
}, testInfo) => {
  test.setTimeout(90_000);
  const js = testInfo.project.use.javaScriptEnabled !== false;
  const tag = `${testInfo.project.name}-${Date.now()}`;
  const address = `https://www.plain-host.com/${tag}/foto.jpg`;
  const receipt = await sendReport(page, { prefix: '/nl', urls: [address] });
  const [id] = portalCli(testInfo, ['report', 'find', address]).trim().split('\n');

  const analyst = `analyst-hosting-${tag}@example.test`;
  portalCli(testInfo, ['admin', 'invite', '--email', analyst, '--role', 'analyst']);
  await signInStaff(page, analyst);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

  // The lookup runs as a job when the report arrives; reload until it is there.
  const hosting = page.getByTestId('item-hosting');
  await expect(async () => {
    await page.goto(`/nl/staff/cases/${id}`);
    await expect(hosting).toContainText('SWITCH-LAN', { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(hosting).toContainText(message('nl', 'case-hosting-network'));
  await expect(hosting).toContainText('130.59.31.80');
  await expect(hosting).toContainText('abuse@switch.ch (netwerk)');
  await expect(hosting).toContainText('MarkMonitor Inc.');
  await expect(hosting).toContainText('AS559');
  if (js) await audit();

  // Before an analyst looked at it, the reporter sees nothing about hosting.
  const reporter = await page.context().browser()!.newContext({
    baseURL: testInfo.project.use.baseURL,
    javaScriptEnabled: js,
  });
  const reporterPage = await reporter.newPage();
  await signIn(reporterPage, '/nl', receipt);
  await expect(reporterPage.locator('li.item')).toHaveCount(1);
  await expect(reporterPage.getByTestId('item-hosting')).toHaveCount(0);

  const item = page.locator('.case-item').first();
  await item.getByLabel('Beoordeling', { exact: true }).selectOption('non_consensual');
  await item.getByLabel('Reden').fill('Intiem beeld zonder toestemming gedeeld');
  await item.getByRole('button', { name: message('nl', 'case-assess') }).click();
  await expect(page.getByText(message('nl', 'case-done-assessed'))).toBeVisible();

  await reporterPage.reload();
  await expect(reporterPage.getByTestId('item-hosting')).toHaveText('Gehost door SWITCH-LAN in Zwitserland.');
  await reporter.close();

  // Asking again queues a new lookup and says so.
  await page.getByRole('button', { name: message('nl', 'case-hosting-again') }).first().click();
  await expect(page.getByText(message('nl', 'case-done-resolving'))).toBeVisible();
  await page.goto('/staff');
  await signOutStaff(page);
});
