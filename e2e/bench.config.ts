// Browser benchmarks (make bench), not tests: one Chromium, one server, figures printed.
import { defineConfig } from '@playwright/test';
import * as os from 'node:os';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { chromiumArgs } from './playwright.config';

const root = path.resolve(__dirname, '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-bench-'));
// BENCH_PORT lets two checkouts benchmark side by side on one machine.
const port = Number(process.env.BENCH_PORT ?? 3200);

export default defineConfig({
  testDir: './bench',
  workers: 1,
  reporter: [['list']],
  timeout: 600_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs },
  },
  webServer: {
    command: path.join(root, 'target', 'release', 'portal'),
    cwd: root,
    url: `http://127.0.0.1:${port}/health`,
    stdout: 'ignore',
    env: {
      PORTAL_LISTEN: `127.0.0.1:${port}`,
      PORTAL_DATA_DIR: dataDir,
      LEPTOS_SITE_ROOT: path.join(root, 'target', 'site'),
    },
  },
});
