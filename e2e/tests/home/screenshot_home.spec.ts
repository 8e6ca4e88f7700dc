import * as path from 'node:path';
import { test, expect } from '../fixtures';

// A phone-sized screenshot of the home page in each language, kept as a test artifact.
test.describe('Home | Screenshot', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  for (const lang of ['en', 'nl']) {
    test(`phone screenshot in ${lang}`, async ({ page }, testInfo) => {
      await page.goto(`/${lang}`);
      await expect(page.locator('[data-quick-exit]')).toBeInViewport();
      // Nothing may overflow sideways on a small phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const file = path.join(__dirname, '..', '..', 'artifacts', `home-360x740-${lang}-${testInfo.project.name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      await testInfo.attach(`home-${lang}`, { path: file, contentType: 'image/png' });
    });
  }
});
