// The weight of the first public page: HTML, CSS, JS and WASM, raw and as served compressed.
// Target (DESIGN.md §7): at most 60 KB compressed before any WebAssembly.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { test, expect } from '../fixtures';

function fetchBytes(url: string, encoding: string): Promise<{ bytes: number; encoding: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': encoding, 'accept-language': 'en' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ bytes: body.length, encoding: String(res.headers['content-encoding'] ?? 'identity'), body });
        });
      })
      .on('error', reject);
  });
}

test('first page weight', async ({ baseURL }, testInfo) => {
  test.skip(!testInfo.project.name.startsWith('sqlite'), 'measured once');
  const page = await fetchBytes(`${baseURL}/`, 'identity');
  const html = page.body.toString('utf8');
  const assets = [...html.matchAll(/(?:href|src)="(\/pkg\/[^"]+)"/g)].map((m) => m[1]);
  const wasm = assets.find((a) => a.endsWith('.js'))?.replace(/\.js$/, '.wasm');
  const files = [...new Set(['/', ...assets, ...(wasm ? [wasm] : [])])];
  const rows = [];
  for (const file of files) {
    const raw = await fetchBytes(`${baseURL}${file}`, 'identity');
    const br = await fetchBytes(`${baseURL}${file}`, 'br');
    const gzip = await fetchBytes(`${baseURL}${file}`, 'gzip');
    rows.push({ file, raw: raw.bytes, br: br.encoding === 'br' ? br.bytes : null, gzip: gzip.encoding === 'gzip' ? gzip.bytes : null });
  }
  console.table(rows);
  const beforeWasm = rows.filter((r) => !r.file.endsWith('.wasm')).reduce((sum, r) => sum + (r.br ?? r.raw), 0);
  const wasmRow = rows.find((r) => r.file.endsWith('.wasm'));
  const summary = { files: rows, first_page_before_wasm_br: beforeWasm, wasm_br: wasmRow?.br ?? null };
  const out = path.join(__dirname, '..', '..', 'artifacts', 'page-weight.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(summary, null, 2));
  console.log(`first page before WASM: ${beforeWasm} bytes compressed; WASM: ${wasmRow?.br} bytes compressed`);
  expect(wasmRow, 'the page loads a WASM bundle').toBeTruthy();
  expect(rows.every((r) => r.br !== null), 'every file is served brotli-compressed').toBe(true);
  expect(beforeWasm).toBeLessThanOrEqual(60 * 1024);
});
