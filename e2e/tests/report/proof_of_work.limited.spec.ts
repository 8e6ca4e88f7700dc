// Over the report limit (one, on this server) the form asks for a proof of work; with
// JavaScript the page solves it and sends the report by itself, with no extra step.
import { test, expect, PHONE, sendReport } from '../fixtures';

test.use(PHONE);

test('the second report goes through after the page proves its work', async ({ page, hydrated }) => {
  const first = await sendReport(page, { prefix: '/en', urls: ['https://one.example/a'] });
  expect(first).toMatch(/^[0-9A-Z-]{23}$/);

  await page.goto('/en/report');
  await hydrated();
  // Records the challenge the server sends, to show the receipt came only after work.
  const challenges: string[] = [];
  page.on('response', async (response) => {
    if (response.url().includes('/api/report-step')) {
      const body = await response.text().catch(() => '');
      const match = body.match(/"challenge":"(w1\.[^"]+)"/);
      if (match) challenges.push(match[1]);
    }
  });
  const second = await sendReport(page, { prefix: '/en', urls: ['https://two.example/b'], stay: true });
  expect(second).toMatch(/^[0-9A-Z-]{23}$/);
  expect(second).not.toBe(first);
  expect(challenges).toHaveLength(1);
});
