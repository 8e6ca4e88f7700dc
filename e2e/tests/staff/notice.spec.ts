// A removal notice, in Dutch: a person reports an address; the portal finds who hosts it (the
// test DNS and RDAP servers on loopback); an analyst assesses it, reads the notice the case
// page proposes and sends it with one click; the outbox delivers it to the SMTP server on
// loopback; the case page says it was delivered, and the reporter's follow-up says whom we
// asked and by when. Works with and without JavaScript.
import { test, expect, message, portalCli, sendReport, signIn, signInStaff, signOutStaff } from '../fixtures';

test('an analyst sends a notice in Dutch and the reporter sees it on the follow-up', async ({
  page,
  audit,
}, testInfo) => {
  test.setTimeout(90_000);
  const js = testInfo.project.use.javaScriptEnabled !== false;
  const tag = `${testInfo.project.name}-${Date.now()}`;
  const address = `https://www.plain-host.com/${tag}/beeld.jpg`;
  const receipt = await sendReport(page, { prefix: '/nl', urls: [address] });
  const [id] = portalCli(testInfo, ['report', 'find', address]).trim().split('\n');

  const analyst = `analyst-notice-${tag}@example.test`;
  portalCli(testInfo, ['admin', 'invite', '--email', analyst, '--role', 'analyst']);
  await signInStaff(page, analyst);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

  await expect(async () => {
    await page.goto(`/nl/staff/cases/${id}`);
    await expect(page.getByTestId('item-hosting')).toContainText('SWITCH-LAN', { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByText(message('nl', 'notice-none'))).toBeVisible();

  const item = page.locator('.case-item').first();
  await item.getByLabel('Beoordeling', { exact: true }).selectOption('non_consensual');
  await item.getByLabel('Reden').fill('Intiem beeld zonder toestemming gedeeld');
  await item.getByRole('button', { name: message('nl', 'case-assess') }).click();
  await expect(page.getByText(message('nl', 'case-done-assessed'))).toBeVisible();

  // The proposal: to the network's abuse address, the notice filled in to read first.
  const proposal = page.getByTestId('notice-proposal');
  await expect(proposal).toHaveCount(1);
  await expect(proposal).toContainText('abuse@switch.ch');
  await expect(proposal.getByTestId('notice-text')).toContainText(address);
  await expect(proposal.getByTestId('notice-text')).toContainText('Directive (EU) 2024/1385');
  if (js) await audit();
  await proposal.getByRole('button', { name: message('nl', 'notice-send') }).click();
  await expect(page.getByText(message('nl', 'case-done-notice-queued'))).toBeVisible();
  await expect(page.getByTestId('notice-proposal')).toHaveCount(0);

  // The job runner delivers it within a few seconds.
  const status = page.getByTestId('notice-status');
  await expect(async () => {
    await page.reload();
    await expect(status).toContainText(message('nl', 'notice-status-sent'), { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByText(message('nl', 'case-timeline-notice-delivered'))).toBeVisible();

  const open = portalCli(testInfo, ['notice', 'list', '--open']);
  const listed = open
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line))
    .find((n) => n.urls.includes(address));
  expect(listed?.status).toBe('sent');
  expect(listed?.recipient).toBe('abuse@switch.ch');

  const reporter = await page.context().browser()!.newContext({
    baseURL: testInfo.project.use.baseURL,
    javaScriptEnabled: js,
  });
  const reporterPage = await reporter.newPage();
  await signIn(reporterPage, '/nl', receipt);
  await expect(reporterPage.getByTestId('item-status')).toContainText('hebben we SWITCH-LAN gevraagd het te verwijderen');
  await expect(reporterPage.getByText(analyst)).toHaveCount(0);
  await reporter.close();

  await page.goto('/staff');
  await signOutStaff(page);
});
