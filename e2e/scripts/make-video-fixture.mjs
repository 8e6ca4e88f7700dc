// Writes app/hashing/testdata/videos/moving_320x240_vp8.webm: a small, real WebM video
// (VP8, 320x240, 15 frames/s, 6.47 s, a key frame every second) of generated moving shapes,
// for the video-hashing tests. No ffmpeg needed: Chromium encodes the frames with WebCodecs
// (its own libvpx), and this script writes the WebM container itself, with a Duration and
// Cues (one per key frame), which MediaRecorder's output lacks and seeking needs.
//
// Regenerate: cd e2e && node scripts/make-video-fixture.mjs
// (`--no-index OUT.webm` writes a copy without Duration and Cues, as MediaRecorder does.)
// (uses Debian's Chromium at /usr/bin/chromium through Playwright, like the tests). The
// encoder's bytes may change with another Chromium; the tests only rely on the video's shape.
import { chromium } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const noIndex = process.argv.includes('--no-index'); // like MediaRecorder: no Duration, no Cues
const out = noIndex ? process.argv[process.argv.length - 1] : path.join(here, '..', '..', 'app', 'hashing', 'testdata', 'videos', 'moving_320x240_vp8.webm');
const WIDTH = 320;
const HEIGHT = 240;
const FPS = 15;
const FRAMES = 97; // 6.47 s (the last frame starts at 6.4 s)

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
// WebCodecs needs a secure context: serve an empty page on an https address, locally.
await page.route('https://fixture.invalid/', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>fixture</title>' }));
await page.goto('https://fixture.invalid/');
const chunks = await page.evaluate(
  async ({ WIDTH, HEIGHT, FPS, FRAMES }) => {
    const chunks = [];
    let failure = null;
    const encoder = new VideoEncoder({
      output: (chunk) => {
        const data = new Uint8Array(chunk.byteLength);
        chunk.copyTo(data);
        chunks.push({ key: chunk.type === 'key', timestampUs: chunk.timestamp, data: Array.from(data) });
      },
      error: (e) => (failure = String(e)),
    });
    encoder.configure({ codec: 'vp8', width: WIDTH, height: HEIGHT, bitrate: 250_000, framerate: FPS });
    const canvas = new OffscreenCanvas(WIDTH, HEIGHT);
    const g = canvas.getContext('2d');
    for (let i = 0; i < Math.floor(FRAMES); i++) {
      const t = i / FPS;
      // A background whose gradient turns with time, and shapes that cross the picture, so every
      // second looks clearly different (distinct PDQ hashes) while motion stays smooth.
      const angle = t * 1.1;
      const grad = g.createLinearGradient(
        WIDTH / 2 - Math.cos(angle) * 200, HEIGHT / 2 - Math.sin(angle) * 200,
        WIDTH / 2 + Math.cos(angle) * 200, HEIGHT / 2 + Math.sin(angle) * 200,
      );
      grad.addColorStop(0, `hsl(${(t * 50) % 360}, 70%, 20%)`);
      grad.addColorStop(1, `hsl(${(t * 50 + 180) % 360}, 70%, 80%)`);
      g.fillStyle = grad;
      g.fillRect(0, 0, WIDTH, HEIGHT);
      for (let k = 0; k < 5; k++) {
        const x = ((t * (40 + 23 * k) + 70 * k) % (WIDTH + 80)) - 40;
        const y = HEIGHT / 2 + Math.sin(t * (0.9 + 0.3 * k) + k) * (HEIGHT / 2.5);
        g.fillStyle = `hsl(${(k * 72 + t * 30) % 360}, 80%, ${k % 2 ? 85 : 15}%)`;
        if (k % 2) {
          g.beginPath();
          g.arc(x, y, 18 + 6 * k, 0, Math.PI * 2);
          g.fill();
        } else {
          g.save();
          g.translate(x, y);
          g.rotate(t * (k + 1) * 0.7);
          g.fillRect(-25 - 5 * k, -12 - 3 * k, 50 + 10 * k, 24 + 6 * k);
          g.restore();
        }
      }
      const frame = new VideoFrame(canvas, { timestamp: Math.round((i * 1e6) / FPS), duration: Math.round(1e6 / FPS) });
      encoder.encode(frame, { keyFrame: i % FPS === 0 });
      frame.close();
    }
    await encoder.flush();
    encoder.close();
    if (failure) throw new Error(failure);
    return chunks;
  },
  { WIDTH, HEIGHT, FPS, FRAMES },
);
await browser.close();

// --- a minimal WebM (Matroska) writer ---------------------------------------------------
// Every size is written as an 8-byte EBML length, so an element's size is known before its
// position is, and the Cues can go before the Clusters with their final offsets.
const id = (hex) => Buffer.from(hex, 'hex');
const size8 = (n) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  b[0] = 0x01;
  return b;
};
const el = (hexId, payload) => Buffer.concat([id(hexId), size8(payload.length), payload]);
const uint = (hexId, value, bytes = 8) => {
  const b = Buffer.alloc(bytes);
  let v = BigInt(value);
  for (let i = bytes - 1; i >= 0; i--, v >>= 8n) b[i] = Number(v & 0xffn);
  return el(hexId, b);
};
const float = (hexId, value) => {
  const b = Buffer.alloc(8);
  b.writeDoubleBE(value);
  return el(hexId, b);
};
const str = (hexId, text) => el(hexId, Buffer.from(text, 'ascii'));

const header = el('1a45dfa3', Buffer.concat([
  uint('4286', 1, 1), uint('42f7', 1, 1), uint('42f2', 4, 1), uint('42f3', 8, 1),
  str('4282', 'webm'), uint('4287', 2, 1), uint('4285', 2, 1),
]));
const lastEnd = chunks[chunks.length - 1].timestampUs + 1e6 / FPS;
const info = el('1549a966', Buffer.concat([
  uint('2ad7b1', 1_000_000, 4), // TimecodeScale: 1 ms
  ...(noIndex ? [] : [float('4489', lastEnd / 1000)]), // Duration in ms
  str('4d80', 'portal make-video-fixture.mjs'),
  str('5741', 'portal make-video-fixture.mjs'),
]));
const tracks = el('1654ae6b', el('ae', Buffer.concat([
  uint('d7', 1, 1), uint('73c5', 1, 8), uint('83', 1, 1), uint('9c', 0, 1), str('86', 'V_VP8'),
  el('e0', Buffer.concat([uint('b0', WIDTH, 2), uint('ba', HEIGHT, 2)])),
])));

// One cluster per key frame (every second).
const groups = [];
for (const chunk of chunks) {
  if (chunk.key || groups.length === 0) groups.push([]);
  groups[groups.length - 1].push(chunk);
}
const clusters = groups.map((group) => {
  const start = Math.round(group[0].timestampUs / 1000);
  const blocks = group.map((c) => {
    const head = Buffer.alloc(4);
    head[0] = 0x81; // track 1
    head.writeInt16BE(Math.round(c.timestampUs / 1000) - start, 1);
    head[3] = c.key ? 0x80 : 0x00;
    return el('a3', Buffer.concat([head, Buffer.from(c.data)]));
  });
  return { start, bytes: el('1f43b675', Buffer.concat([uint('e7', start, 4), ...blocks])) };
});
const cuesFor = (offsets) =>
  el('1c53bb6b', Buffer.concat(clusters.map((c, i) =>
    el('bb', Buffer.concat([uint('b3', c.start, 8), el('b7', Buffer.concat([uint('f7', 1, 1), uint('f1', offsets[i], 8)]))])),
  )));
// Offsets are relative to the start of the Segment's payload.
const cuesSize = cuesFor(clusters.map(() => 0)).length;
let offset = info.length + tracks.length + cuesSize;
const offsets = clusters.map((c) => {
  const at = offset;
  offset += c.bytes.length;
  return at;
});
const segment = el('18538067', Buffer.concat([info, tracks, ...(noIndex ? [] : [cuesFor(offsets)]), ...clusters.map((c) => c.bytes)]));
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, Buffer.concat([header, segment]));
console.log(`${out}: ${chunks.length} frames, ${(lastEnd / 1e6).toFixed(3)} s, ${clusters.length} clusters, ${(header.length + segment.length) / 1024 | 0} KiB`);
