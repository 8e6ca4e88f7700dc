import { test, expect } from '../fixtures';

// The parents pages are plain server-rendered links, so this runs with and without JavaScript.
const TOPICS = ['sextortion', 'shared-nudes', 'ai-nudes', 'grooming'] as const;

const PAGES = {
  en: {
    title: 'For parents and carers',
    report: 'Report for your child',
    moreHelp: 'More help',
    headings: {
      sextortion: 'Someone is threatening to share images of your child',
      'shared-nudes': 'Nude images of your child are being shared',
      'ai-nudes': 'Fake or AI-made nude images of your child',
      grooming: 'Someone older is pressuring your child online',
    },
  },
  nl: {
    title: 'Voor ouders en verzorgers',
    report: 'Melden voor je kind',
    moreHelp: 'Meer hulp',
    headings: {
      sextortion: 'Iemand dreigt beelden van je kind te delen',
      'shared-nudes': 'Naaktbeelden van je kind worden gedeeld',
      'ai-nudes': 'Nep- of AI-naaktbeelden van je kind',
      grooming: 'Iemand die ouder is zet je kind online onder druk',
    },
  },
} as const;

test.describe('Parents | Read guidance', () => {
  for (const lang of ['en', 'nl'] as const) {
    const text = PAGES[lang];

    test(`the ${lang} landing page lists the four topics`, async ({ page }) => {
      await page.goto(`/${lang}/parents`);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.title);
      const topics = page.locator('main ul.ways-in > li > a');
      await expect(topics).toHaveCount(TOPICS.length);
      for (const [i, topic] of TOPICS.entries()) {
        await expect(topics.nth(i)).toHaveAttribute('href', `/${lang}/parents/${topic}`);
      }
      await expect(page.getByRole('link', { name: text.report, exact: true })).toHaveAttribute(
        'href',
        `/${lang}/report?for=child`,
      );
      await expect(page.getByRole('link', { name: text.moreHelp, exact: true })).toHaveAttribute(
        'href',
        `/${lang}/help`,
      );
    });

    for (const topic of TOPICS) {
      test(`${lang}/parents/${topic} says what to do and leads to the report`, async ({ page }) => {
        const response = await page.goto(`/${lang}/parents/${topic}`);
        expect(response?.status()).toBe(200);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.headings[topic]);
        await expect(page.locator('main ol > li').first()).toBeVisible();
        await expect(page.locator('main a[href="tel:112"]')).toBeVisible();
        await expect(page.getByRole('link', { name: text.report, exact: true })).toHaveAttribute(
          'href',
          `/${lang}/report?for=child`,
        );
        await expect(page.getByRole('link', { name: text.moreHelp, exact: true })).toHaveAttribute(
          'href',
          `/${lang}/help`,
        );
      });
    }
  }

  test('a topic reached from the landing page opens its guidance', async ({ page }) => {
    await page.goto('/en/parents');
    await page.getByRole('link', { name: /Someone older is pressuring my child online/ }).click();
    await expect(page).toHaveURL(/\/en\/parents\/grooming$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(PAGES.en.headings.grooming);
  });

  test('an unknown topic is not found', async ({ page, consoleErrors }) => {
    const response = await page.goto('/en/parents/unknown');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    // The browser reports the 404 of the page itself as a console error; that one is expected.
    consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !/status of 404/.test(e)));
  });
});
