// The report works without JavaScript: every step is a plain form the server answers with
// the next step. Files need JavaScript (they are hashed on the device), so this report names
// web addresses only.
import { test, expect, expectNoTraces, message, portalCli, PHONE, sendReport, signIn, staffAccount } from '../fixtures';

test.use(PHONE);

test('a URL-only report, follow-up and withdraw, without JavaScript', async ({ page, browser }, testInfo) => {
  const tag = `nojs-${testInfo.project.name}-${Date.now()}`;
  const urls = [`https://host.example/${tag}/a.png`, `http://other.example/${tag}`];
  const receipt = await sendReport(page, { prefix: '/en', urls });
  await expectNoTraces(page);

  await signIn(page, '/en', receipt);
  await expect(page.locator('li.item')).toHaveCount(2);
  const [id] = portalCli(testInfo, ['report', 'find', urls[1]]).trim().split('\n');
  const staff = `helpline-${tag}@example.test`;
  await staffAccount(browser, testInfo, staff);
  portalCli(testInfo, ['report', 'message', id, 'We have your report.', '--as', staff]);
  await page.reload();
  await expect(page.locator('.message.from-staff .message-body')).toHaveText('We have your report.');

  await page.locator('form:has(input[name=action][value=withdraw]) button').click();
  await page.locator('form:has(input[name=action][value=withdraw-confirm]) button').click();
  await expect(page.locator('p.notice[role=status]')).toHaveText(message('en', 'follow-up-withdrawn'));
  await signIn(page, '/en', receipt);
  await expect(page.locator('#error-receipt')).toContainText(message('en', 'follow-up-error-receipt-unknown'));
});

test('bad addresses get a message per line in Dutch, and nothing typed is lost', async ({ page }, testInfo) => {
  const next = page.locator('button[name=nav][value=next]');
  await page.goto('/nl/report');
  await page.locator('#safety-safe').check();
  await next.click();
  await page.locator('#happened-fake_nudes').check();
  await next.click();
  await page.locator('#age-from16_to17').check();
  await page.locator('#field-country').selectOption('BE');
  await next.click();
  // This report is kept: the privacy scan checks it is in the database.
  const good = `https://kept.example/${testInfo.project.name}/foto`;
  const typed = `${good}\nniet een adres\nftp://oud.example/x`;
  await page.locator('#field-urls').fill(typed);
  await page.locator('#field-platform').fill('Instagram');
  await next.click();

  const errors = page.locator('#error-urls');
  await expect(errors).toContainText(message('nl', 'report-error-url-spaces'));
  await expect(errors).toContainText(message('nl', 'report-error-url-scheme'));
  await expect(errors).toContainText(message('nl', 'report-error-on-line').replace('{ $line }', '2'));
  await expect(page.locator('#field-urls')).toHaveValue(typed);
  await expect(page.locator('#field-platform')).toHaveValue('Instagram');

  // Back to the previous step: its answers are still there.
  await page.locator('button[name=nav][value=back]').click();
  await expect(page.locator('#age-from16_to17')).toBeChecked();
  await expect(page.locator('#field-country')).toHaveValue('BE');

  // Fixed, the report goes through.
  await next.click();
  await expect(page.locator('#field-urls')).toHaveValue(typed);
  await page.locator('#field-urls').fill(good);
  // The app alone is enough (the account's name is often not known).
  await next.click();
  await next.click();
  await page.locator('button[name=nav][value=submit]').click();
  await expect(page.locator('[data-receipt]')).toBeVisible();
});
