import { test, ALL_PATHS } from '../fixtures';

// Zero axe-core violations (WCAG 2.2 AA and best practice) on every page, in both languages.
// axe runs as JavaScript in the page, so this runs in the JavaScript projects only; the
// hydrated DOM is the server-rendered DOM.
test.describe('Accessibility | Every page', () => {
  for (const lang of ['en', 'nl']) {
    for (const path of ALL_PATHS) {
      test(`${lang}${path}`, async ({ page, audit }) => {
        await page.goto(path === "/" ? `/${lang}` : `/${lang}${path}`);
        await audit();
      });
    }
  }
});
