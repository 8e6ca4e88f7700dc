// Every generated test image hashed in the browser, the way a reporter's phone hashes it (the
// file step's worker: the browser's own decoders, photos scaled to at most 512 px a side for
// PDQ as Meta's own photo hashers do), against Meta's reference hashes (`pdqhash` on Pillow's
// pixels). Prints the agreement table per format; holds every file to Meta's conformance rule
// for different decoders (Hamming distance <= 10) except JPEG below quality 80, which is only
// reported, as in the native agreement test (app/tests/reference.rs).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test, expect, backendOf, hamming, openFileStep } from '../fixtures';

const testdata = path.join(__dirname, '..', '..', '..', 'app', 'hashing', 'testdata');

type Reference = {
  file: string;
  format: string;
  jpeg_quality: number | null;
  webp_quality: number | null;
  lossless: boolean;
  pdq: string;
  quality: number;
  dihedral: string[];
  width: number;
  height: number;
};

const META_CONFORMANCE_DISTANCE = 10;

function formatOf(r: Reference): string {
  if (r.format === 'jpeg') return `JPEG q${r.jpeg_quality}`;
  if (r.format === 'webp') return r.lossless ? 'WebP lossless' : `WebP q${r.webp_quality}`;
  return r.format.toUpperCase();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

test('every generated image hashes in the browser within Meta\'s conformance distance', async ({ page }, testInfo) => {
  // The same browser code runs whatever the database: once is enough.
  test.skip(backendOf(testInfo).name !== 'sqlite', 'browser hashing does not depend on the database');
  test.setTimeout(120_000);
  const references: Reference[] = fs
    .readFileSync(path.join(testdata, 'reference.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));

  await openFileStep(page);
  await page.locator('#file-picker').setInputFiles(references.map((r) => path.join(testdata, r.file)));
  await expect(page.locator('[data-file-hasher]')).toHaveAttribute('data-done', String(references.length), { timeout: 100_000 });
  const results = JSON.parse(await page.locator('input[name=file_hashes]').inputValue());
  expect(results).toHaveLength(references.length);

  const rows = new Map<string, { files: number; exact: number; distances: number[] }>();
  const beyond: string[] = [];
  for (const [i, reference] of references.entries()) {
    const ours = results[i];
    expect(ours.kind).toBe('image');
    expect(ours.dihedral).toHaveLength(8);
    const distance = hamming(ours.pdq, reference.pdq);
    const row = rows.get(formatOf(reference)) ?? { files: 0, exact: 0, distances: [] };
    row.files += 1;
    row.exact += distance === 0 ? 1 : 0;
    row.distances.push(distance);
    rows.set(formatOf(reference), row);
    const held = reference.format !== 'jpeg' || (reference.jpeg_quality ?? 0) >= 80;
    if (held && distance > META_CONFORMANCE_DISTANCE) {
      beyond.push(`${reference.file} (${reference.width}x${reference.height}): ${distance} bits, quality ${ours.pdq_quality} vs ${reference.quality}`);
    }
  }

  const lines = ['| format | files | exact | max distance | median distance |', '|---|---|---|---|---|'];
  for (const [format, row] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`| ${format} | ${row.files} | ${row.exact} | ${Math.max(...row.distances)} | ${median(row.distances)} |`);
  }
  console.log(`Browser PDQ against Meta's reference (Chromium decoders):\n${lines.join('\n')}`);
  expect(beyond, `beyond distance ${META_CONFORMANCE_DISTANCE}`).toEqual([]);
});
