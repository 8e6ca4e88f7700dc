// Hashing on the device: the files' bytes never leave the browser, the hashes agree with
// Meta's reference, and a video's frames get PDQ hashes (vPDQ-style, one per second) that
// agree with the native `portal hash` on the same decoded frames. Main-thread long tasks are
// recorded here; `make bench` reports them.
import { execFileSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test, expect, expectNoTraces, hamming, openFileStep } from '../fixtures';

const testdata = path.join(__dirname, '..', '..', '..', 'app', 'hashing', 'testdata');
const references = new Map<string, { pdq: string; quality: number; md5: string; sha256: string }>(
  fs
    .readFileSync(path.join(testdata, 'reference.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line))
    .map((r) => [r.file, r]),
);

// A real WebM (VP8, 6.47 s of moving shapes, made by e2e/scripts/make-video-fixture.mjs).
const videoFixture = path.join(testdata, 'videos', 'moving_320x240_vp8.webm');
const VIDEO_SECONDS = 6.467;
const portal = process.env.PORTAL_BIN ?? path.join(__dirname, '..', '..', '..', 'target', 'release', 'portal');

type Frame = { frame: number; timestamp: number; hash: string; quality: number };

/// The 16-byte runs of what `body` could carry of a file: its raw bytes, and the bytes of
/// every hex or base64 run in it (at each alignment), so an encoded copy is caught too. Runs of
/// one repeated byte are left out: zeros appear in any file and decode from any "AAAA".
function carriedRuns(body: Buffer): Set<string> {
  const decoded: Buffer[] = [body];
  const text = body.toString('latin1');
  for (const run of text.match(/[0-9a-fA-F]{32,}/g) ?? []) {
    for (const start of [0, 1]) decoded.push(Buffer.from(run.slice(start, run.length - ((run.length - start) % 2)), 'hex'));
  }
  for (const run of text.match(/[A-Za-z0-9+/_-]{24,}/g) ?? []) {
    for (const start of [0, 1, 2, 3]) decoded.push(Buffer.from(run.slice(start).replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  }
  const runs = new Set<string>();
  for (const bytes of decoded) {
    for (let i = 0; i + 16 <= bytes.length; i++) {
      const window = bytes.subarray(i, i + 16);
      if (window.every((b) => b === window[0])) continue;
      runs.add(window.toString('latin1'));
    }
  }
  return runs;
}

/// True if any 16-byte run of `file` is in `runs`.
function leaks(runs: Set<string>, file: Buffer): boolean {
  if (runs.size === 0) return false;
  for (let i = 0; i + 16 <= file.length; i++) {
    if (runs.has(file.toString('latin1', i, i + 16))) return true;
  }
  return false;
}

/// The fields a report's requests may carry about a file: its hashes, nothing else.
const FILE_FIELDS = ['dihedral', 'kind', 'md5', 'pdq', 'pdq_quality', 'sha256', 'video_frames'];
const FRAME_FIELDS = ['frame', 'hash', 'quality', 'timestamp'];

/// Every list of files in a request body (form fields holding JSON, or JSON itself), checked
/// against the fields allowed; returns the MD5s they name.
function filesIn(body: Buffer): string[] {
  const text = body.toString('utf8');
  const values: string[] = [text];
  try {
    for (const [, value] of new URLSearchParams(text)) values.push(value);
  } catch {}
  const md5s: string[] = [];
  const visit = (value: unknown): void => {
    // Server functions post JSON whose fields hold JSON again (`{"form":[["draft","{…}"]]}`).
    if (typeof value === 'string' && /^\s*[[{]/.test(value)) {
      try {
        return visit(JSON.parse(value));
      } catch {
        return;
      }
    }
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const object = value as Record<string, unknown>;
    if ('md5' in object && 'sha256' in object) {
      expect(Object.keys(object).sort(), 'a file carries its hashes only').toEqual(FILE_FIELDS);
      for (const frame of object.video_frames as Record<string, unknown>[]) {
        expect(Object.keys(frame).sort(), 'a frame carries its hash only').toEqual(FRAME_FIELDS);
      }
      md5s.push(object.md5 as string);
      return;
    }
    Object.values(object).forEach(visit);
  };
  for (const value of values) {
    try {
      visit(JSON.parse(value));
    } catch {}
  }
  return md5s;
}

test.describe('Report | Hash files on the device', () => {
  test('only hashes leave, and they match the reference', async ({ page }, testInfo) => {
    test.setTimeout(90_000);
    const picked = [
      { file: 'images/poster_4000x3000.png', name: 'holiday-photo-private.png', mimeType: 'image/png' },
      { file: 'images/shapes_1023x767_q95.jpg', name: 'selfie-private.jpg', mimeType: 'image/jpeg' },
    ].map((p) => ({ ...p, buffer: fs.readFileSync(path.join(testdata, p.file)) }));
    const video = { file: '', name: 'clip-private.webm', mimeType: 'video/webm', buffer: fs.readFileSync(videoFixture) };
    // Random bytes named like a video: no browser can play them, the byte hashes still count.
    // Longer than two of the worker's 8 MB read slices and not a whole number of them, so the
    // digests must carry across slices and end on a short one.
    const broken = { file: '', name: 'broken-private.mp4', mimeType: 'video/mp4', buffer: crypto.randomBytes(19 * 1024 * 1024 + 123) };
    const files = [...picked, video, broken];

    const sent: { url: string; body: Buffer | null }[] = [];
    page.context().on('request', (request) => sent.push({ url: request.url(), body: request.postDataBuffer() }));
    // Long tasks from the moment the page sees the files: the test harness's own work of
    // creating the files in the page comes before that and is not the portal's.
    await page.addInitScript(() => {
      (window as any).__longTasks = [];
      (window as any).__picked = Infinity;
      document.addEventListener('change', () => ((window as any).__picked = performance.now()), true);
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) (window as any).__longTasks.push([entry.startTime, entry.duration]);
      }).observe({ type: 'longtask', buffered: true });
    });

    await openFileStep(page);
    await page.evaluate(() => ((window as any).__longTasks = []));
    const started = Date.now();
    // Real files on disk, as a phone's picker gives them (buffers would be copied into the page
    // by the test harness on the main thread, which is not the portal's work).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-picked-'));
    const paths = files.map((f) => {
      const target = path.join(dir, f.name);
      fs.writeFileSync(target, f.buffer);
      return target;
    });
    await page.locator('#file-picker').setInputFiles(paths);
    await expect(page.locator('[data-file-hasher]')).toHaveAttribute('data-done', String(files.length), { timeout: 60_000 });
    fs.rmSync(dir, { recursive: true, force: true });
    const elapsed = Date.now() - started;
    const longTasks: number[] = await page.evaluate(() =>
      (window as any).__longTasks
        .filter(([start, duration]: [number, number]) => start + duration > (window as any).__picked)
        .map(([, duration]: [number, number]) => duration),
    );

    const results = JSON.parse(await page.locator('input[name=file_hashes]').inputValue());
    expect(results).toHaveLength(files.length);
    for (const [i, f] of files.entries()) {
      const r = results[i];
      expect(Object.keys(r).sort()).toEqual(['dihedral', 'kind', 'md5', 'pdq', 'pdq_quality', 'sha256', 'video_frames']);
      expect(r.md5).toBe(crypto.createHash('md5').update(f.buffer).digest('hex'));
      expect(r.sha256).toBe(crypto.createHash('sha256').update(f.buffer).digest('hex'));
      if (f.file) {
        const reference = references.get(f.file)!;
        const distance = hamming(r.pdq, reference.pdq);
        console.log(`${f.file}: browser PDQ ${distance} bits from Meta's reference (quality ${r.pdq_quality} vs ${reference.quality})`);
        expect(r.kind).toBe('image');
        expect(r.dihedral).toHaveLength(8);
        expect(distance).toBeLessThanOrEqual(8);
      } else {
        expect(r.kind).toBe('video');
        expect(r.pdq).toBeNull();
        expect(r.dihedral).toEqual([]);
      }
    }

    // The video: one frame per second, numbered in order, each a plausible PDQ hash, and
    // frames of a moving picture differ. The broken one has no frames and says so.
    const frames: Frame[] = results[2].video_frames;
    console.log(`video frames: ${JSON.stringify(frames.map((f) => [f.timestamp, f.quality, f.hash.slice(0, 8)]))}`);
    expect(frames).toHaveLength(Math.ceil(VIDEO_SECONDS));
    for (const [i, f] of frames.entries()) {
      expect(Object.keys(f).sort()).toEqual(['frame', 'hash', 'quality', 'timestamp']);
      expect(f.frame).toBe(i);
      expect(f.timestamp).toBe(i);
      expect(f.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(f.quality).toBeGreaterThanOrEqual(50);
      expect(f.quality).toBeLessThanOrEqual(100);
      if (i > 0) expect(hamming(f.hash, frames[i - 1].hash), `frames ${i - 1} and ${i}`).toBeGreaterThan(16);
    }
    expect(results[3].video_frames).toEqual([]);
    const items = page.locator('.file-item');
    await expect(items.nth(2).locator('.file-status')).toHaveText('Fingerprint ready');
    await expect(items.nth(3).locator('.file-status')).toHaveText("We could not play this video here, but its exact fingerprint is ready.");
    // The cap on video frames is stated on the page.
    await expect(page.getByText(/up to\W+30\W+moments/)).toBeVisible();

    // Send the report: the two requests that carry the hashes (to the check step, and the
    // report itself) are among those inspected below.
    await page.locator('button[name=nav][value=next]').click();
    await page.locator('button[name=nav][value=submit]').click();
    await expect(page.locator('[data-receipt]')).toBeVisible({ timeout: 30_000 });

    // The heart of it: no request carried any piece of any file, raw, hex or base64, or a
    // file name; and the hashes did go, in requests that carry nothing else about a file.
    expect(sent.length).toBeGreaterThan(0);
    const runs = new Set<string>();
    const named = new Set<string>();
    for (const request of sent) {
      for (const f of files) {
        expect(request.url.includes(f.name), `file name in ${request.url}`).toBe(false);
        expect(request.body?.includes(Buffer.from(f.name)) ?? false, `file name in body of ${request.url}`).toBe(false);
      }
      for (const run of carriedRuns(Buffer.from(decodeURIComponent(request.url)))) runs.add(run);
      if (request.body) {
        for (const run of carriedRuns(request.body)) runs.add(run);
        for (const md5 of filesIn(request.body)) named.add(md5);
      }
    }
    // The detector itself finds a slice of a file sent raw, as hex, or as base64.
    const slice = files[1].buffer.subarray(5000, 5040);
    for (const encoded of [slice.toString('latin1'), slice.toString('hex'), slice.toString('base64')]) {
      expect(leaks(carriedRuns(Buffer.from(encoded, 'latin1')), files[1].buffer), 'the detector works').toBe(true);
    }
    for (const f of files) {
      expect(leaks(runs, f.buffer), `bytes of ${f.name} in a request`).toBe(false);
    }
    const expected = files.map((f) => crypto.createHash('md5').update(f.buffer).digest('hex'));
    expect([...named].sort(), 'every file\'s hashes were sent').toEqual(expected.sort());
    await expectNoTraces(page);

    const maxLongTask = Math.max(0, ...longTasks);
    console.log(`hashed ${files.length} files (12 MP PNG, 0.8 MP JPEG, 7-frame WebM, 3 MB unplayable "video") in ${elapsed} ms; main-thread long tasks: ${longTasks.length}, longest ${maxLongTask.toFixed(0)} ms`);
    fs.mkdirSync(path.join(__dirname, '..', '..', 'artifacts'), { recursive: true });
    fs.writeFileSync(
      path.join(__dirname, '..', '..', 'artifacts', `hashing-${testInfo.project.name}.json`),
      JSON.stringify({ elapsed_ms: elapsed, long_tasks_ms: longTasks }, null, 2),
    );
    // No assertion on time here: with two test workers sharing two cores, a main-thread
    // task can stretch past any fixed limit. `make bench` measures responsiveness alone.
  });

  test('a file can be removed, and the hashes go with it', async ({ page }) => {
    await openFileStep(page, '/nl');
    const buffer = fs.readFileSync(path.join(testdata, 'images/shapes_1023x767.png'));
    await page.locator('#file-picker').setInputFiles([
      { name: 'a.png', mimeType: 'image/png', buffer },
      { name: 'b.txt', mimeType: 'image/png', buffer: Buffer.from('not really a picture') },
    ]);
    await expect(page.locator('[data-file-hasher]')).toHaveAttribute('data-done', '2', { timeout: 30_000 });
    await expect(page.getByText('We konden dit bestand niet als foto openen')).toBeVisible();
    await page.getByRole('button', { name: 'Verwijderen' }).first().click();
    await expect(page.locator('[data-file-hasher]')).toHaveAttribute('data-done', '1');
    const results = JSON.parse(await page.locator('input[name=file_hashes]').inputValue());
    expect(results).toHaveLength(1);
    expect(results[0].pdq).toBeNull();
  });

  test('Stop ends the hashing of a video and of a photo, and keeps no hashes', async ({ page }) => {
    await openFileStep(page);
    // Stop is pressed the moment the files are taken (after the page's own change handler),
    // before either could finish: a click from the test would race the hashing.
    await page.evaluate(() =>
      document.addEventListener('change', () => (document.querySelector('[data-action=cancel-all]') as HTMLButtonElement).click()),
    );
    await page.locator('#file-picker').setInputFiles([path.join(testdata, 'images/poster_4000x3000.png'), videoFixture]);
    await expect(page.locator('.file-item[data-state=cancelled]')).toHaveCount(2);
    await expect(page.locator('.file-item .file-status').first()).toHaveText('Stopped');
    await expect(page.locator('[data-file-hasher]')).toHaveAttribute('data-done', '0');
    expect(JSON.parse(await page.locator('input[name=file_hashes]').inputValue())).toEqual([]);
  });

  test('a video frame hashed in the browser matches the native hash of the same frame', async ({ page }) => {
    test.setTimeout(60_000);
    await openFileStep(page);
    await page.locator('#file-picker').setInputFiles(videoFixture);
    await expect(page.locator('[data-file-hasher]')).toHaveAttribute('data-done', '1', { timeout: 30_000 });
    const frames: Frame[] = JSON.parse(await page.locator('input[name=file_hashes]').inputValue())[0].video_frames;
    expect(frames.length).toBe(Math.ceil(VIDEO_SECONDS));

    // The same frames, decoded by the same browser the same way (seek, VideoFrame), saved as
    // lossless PNG: the test's own work, done after hashing and sending nothing.
    const pngs: string[] = await page.evaluate(
      async ({ video, times }) => {
        const bytes = Uint8Array.from(atob(video), (c) => c.charCodeAt(0));
        const element = document.createElement('video');
        element.muted = true;
        element.src = URL.createObjectURL(new Blob([bytes], { type: 'video/webm' }));
        await new Promise((resolve) => element.addEventListener('loadedmetadata', resolve, { once: true }));
        const out: string[] = [];
        for (const time of times) {
          const seeked = new Promise((resolve) => element.addEventListener('seeked', resolve, { once: true }));
          element.currentTime = time;
          await seeked;
          // The frame the element shows once it is the one sought (see grabFrame in hash-client.js).
          let frame = new VideoFrame(element);
          while (frame.timestamp !== Math.round(time * 1e6)) {
            frame.close();
            await new Promise((resolve) => setTimeout(resolve, 20));
            frame = new VideoFrame(element);
          }
          const canvas = new OffscreenCanvas(frame.displayWidth, frame.displayHeight);
          canvas.getContext('2d')!.drawImage(frame, 0, 0);
          frame.close();
          const png = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
          out.push(btoa(Array.from(png, (b) => String.fromCharCode(b)).join('')));
        }
        return out;
      },
      { video: fs.readFileSync(videoFixture).toString('base64'), times: frames.map((f) => f.timestamp) },
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-frames-'));
    const paths = pngs.map((png, i) => {
      const file = path.join(dir, `frame-${i}.png`);
      fs.writeFileSync(file, Buffer.from(png, 'base64'));
      return file;
    });
    const native = execFileSync(portal, ['hash', ...paths], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    for (const [i, f] of frames.entries()) {
      const distance = hamming(f.hash, native[i].pdq);
      console.log(`frame ${i} (${f.timestamp} s): browser PDQ ${distance} bits from native, quality ${f.quality} vs ${native[i].pdq_quality}`);
      expect(distance).toBeLessThanOrEqual(8);
    }

    // The server takes the frames as the browser wrote them, counts them on the check step
    // and stores them with the report.
    await page.locator('button[name=nav][value=next]').click();
    await expect(page.getByText(`That includes fingerprints of ${frames.length} moments from your videos.`)).toBeVisible();
    await page.locator('button[name=nav][value=submit]').click();
    await expect(page.getByRole('heading', { name: 'Your report has been sent' })).toBeVisible();
  });
});
