// A victim's withdrawal reaches the platforms: a report with two photos goes on the hash
// list; a platform's test client polling the change feed and its webhook receiver (both on
// loopback) see the two entries arrive, and after the person withdraws, see both again as
// tombstones, the webhook's deliveries signed with the secret the platform was given.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { test, expect, portalCli, sendReport, signIn, message } from '../fixtures';

const images = path.join(__dirname, '..', '..', '..', 'app', 'hashing', 'testdata', 'images');
// Copies with a few random bytes after the image's end: the same pictures to decode (and the
// same PDQ), but MD5s of their own, so the feed's entries of this report are told apart from
// those of other tests that report the same images.
const photos = [path.join(images, 'shapes_1023x767_q95.jpg'), path.join(images, 'poster_4000x3000.png')].map(
  (file) => {
    const copy = path.join(require('node:os').tmpdir(), `${crypto.randomBytes(6).toString('hex')}-${path.basename(file)}`);
    fs.writeFileSync(copy, Buffer.concat([fs.readFileSync(file), crypto.randomBytes(16)]));
    return copy;
  },
);
const md5 = (file: string) => crypto.createHash('md5').update(fs.readFileSync(file)).digest('hex');

type Change = { id: string; change: string; status: string; md5?: string };

test('a withdrawal reaches a platform polling the feed and its webhook', async ({ page, hydrated }, testInfo) => {
  test.setTimeout(120_000);
  const deliveries: { signature: string; body: string }[] = [];
  const receiver = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      deliveries.push({ signature: String(request.headers['x-portal-signature'] ?? ''), body });
      response.statusCode = 204;
      response.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const port = (receiver.address() as { port: number }).port;
  try {
    const name = `Photo app ${testInfo.project.name} ${Date.now()}`;
    const key = portalCli(testInfo, ['platform', 'create', name, '--scopes', 'read,match']).trim().split('\n').pop()!;
    const secret = portalCli(testInfo, ['platform', 'webhook', name, `http://127.0.0.1:${port}/hook`])
      .trim()
      .split('\n')
      .pop()!;
    expect(secret).toMatch(/^whsec_/);

    // The platform's client: it follows the feed from the start, as a new platform would.
    const base = testInfo.project.use.baseURL!;
    let cursor = '';
    const seen = new Map<string, Change>();
    const poll = async () => {
      for (;;) {
        const response = await fetch(`${base}/api/v1/hashes/changes?limit=1000&cursor=${cursor}`, {
          headers: { authorization: `Bearer ${key}` },
        });
        expect(response.status).toBe(200);
        const page = (await response.json()) as { changes: Change[]; next_cursor: string };
        for (const change of page.changes) seen.set(change.id, change);
        cursor = page.next_cursor;
        if (page.changes.length < 1000) return;
      }
    };

    await page.goto('/report');
    await hydrated();
    const receipt = await sendReport(page, { prefix: '', urls: [], images: photos, stay: true });
    const wanted = photos.map(md5);
    const ours = () => [...seen.values()].filter((c) => c.md5 && wanted.includes(c.md5));
    await expect
      .poll(async () => (await poll(), ours().length), { timeout: 45_000, intervals: [500] })
      .toBe(2);
    const ids = ours().map((c) => c.id);
    for (const change of ours()) expect([change.change, change.status]).toEqual(['added', 'self_reported']);

    // The reporter sees that the platform has the fingerprints, withdraws, and is told who hears.
    await signIn(page, '', receipt);
    await expect(page.locator('[data-follow-up-platforms]')).toContainText(name);
    await page.locator('form:has(input[name=action][value=withdraw]) button').click();
    await page.locator('form:has(input[name=action][value=withdraw-confirm]) button').click();
    await expect(page.locator('p.notice[role=status]')).toHaveText(message('en', 'follow-up-withdrawn'));
    await expect(page.locator('[data-follow-up-told]')).toContainText(name);

    // Both entries come back as tombstones: id, change and status only.
    await expect
      .poll(async () => (await poll(), ids.filter((id) => seen.get(id)?.change === 'withdrawn').length), {
        timeout: 30_000,
        intervals: [500],
      })
      .toBe(2);
    for (const id of ids) expect(seen.get(id)).toEqual({ id, change: 'withdrawn', status: 'withdrawn' });

    // And the webhook was told, signed with the platform's secret.
    const withdrawn = () =>
      deliveries.flatMap((d) => (JSON.parse(d.body).events as { event: string; id: string }[]).filter((e) => e.event === 'hash.withdrawn' && ids.includes(e.id)));
    await expect.poll(() => withdrawn().length, { timeout: 30_000, intervals: [500] }).toBe(2);
    for (const delivery of deliveries) {
      const parts = Object.fromEntries(delivery.signature.split(',').map((p) => p.split('=') as [string, string]));
      const expected = crypto.createHmac('sha256', secret).update(`${parts.t}.${delivery.body}`).digest('hex');
      expect(parts.v1).toBe(expected);
    }
  } finally {
    receiver.close();
  }
});
