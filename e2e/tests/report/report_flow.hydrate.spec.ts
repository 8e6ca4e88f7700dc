// The whole anonymous report on a phone, with JavaScript: two addresses and two photos, the
// receipt, signing in with it, a message from staff, withdrawing, and the receipt then failing.
import * as path from 'node:path';
import {
  test,
  expect,
  expectNoTraces,
  message,
  portalCli,
  PHONE,
  sendReport,
  signIn,
  staffAccount,
} from '../fixtures';

const images = path.join(__dirname, '..', '..', '..', 'app', 'hashing', 'testdata', 'images');

test.use(PHONE);

for (const lang of ['en', 'nl']) {
  test(`full report on a phone in ${lang}, follow-up, withdraw`, async ({ page, hydrated, browser }, testInfo) => {
    const tag = `${lang}-${testInfo.project.name}-${Date.now()}`;
    const urls = [`https://images.example/${tag}/one.jpg`, `https://forum.example/t/${tag}?page=2`];
    const prefix = `/${lang}`;

    await page.goto(`${prefix}/report`);
    await hydrated();
    // Marks this document: if any step reloaded the page, the mark would be gone.
    await page.evaluate(() => ((window as any).__samePage = true));
    const receipt = await sendReport(page, {
      prefix: '',
      urls,
      images: [path.join(images, 'shapes_1023x767_q95.jpg'), path.join(images, 'poster_4000x3000.png')],
      stay: true,
    });
    expect(await page.evaluate(() => (window as any).__samePage)).toBe(true);
    expect(receipt).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    // Until the receipt, the browser keeps nothing.
    await expectNoTraces(page);

    await signIn(page, prefix, receipt);
    const items = page.locator('li.item');
    await expect(items).toHaveCount(4);
    for (const url of urls) await expect(items.filter({ hasText: url })).toHaveCount(1);
    await expect(page.locator('li.item[data-status=received]')).toHaveCount(4);

    // Staff write through the portal's command line; the reporter reads it after a reload.
    const ids = portalCli(testInfo, ['report', 'find', urls[0]]).trim().split('\n');
    expect(ids).toHaveLength(1);
    const staffText = lang === 'nl' ? 'Hoi, we kijken er nu naar.' : 'Hi, we are looking at it now.';
    const staff = `helpline-${tag}@example.test`;
    await staffAccount(browser, testInfo, staff);
    portalCli(testInfo, ['report', 'message', ids[0], staffText, '--as', staff]);
    await page.reload();
    await expect(page.locator('.message.from-staff .message-body')).toHaveText(staffText);

    await page.locator('form:has(input[name=action][value=withdraw]) button').click();
    await page.locator('form:has(input[name=action][value=withdraw-confirm]) button').click();
    await expect(page.locator('p.notice[role=status]')).toHaveText(message(lang, 'follow-up-withdrawn'));
    expect(portalCli(testInfo, ['report', 'find', urls[0]]).trim()).toBe('');

    await signIn(page, prefix, receipt);
    await expect(page.locator('#error-receipt')).toContainText(message(lang, 'follow-up-error-receipt-unknown'));
  });
}
