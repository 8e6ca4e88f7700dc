// End-to-end tests against the release build that `make run` serves, once on SQLite and,
// when E2E_POSTGRES_URL is set, once more on PostgreSQL. Each database gets two projects:
// with JavaScript (hydrated) and without (server-rendered pages and plain forms only).
import { defineConfig } from '@playwright/test';
import * as os from 'node:os';
import * as path from 'node:path';
import * as fs from 'node:fs';

const root = path.resolve(__dirname, '..');
const binary = process.env.PORTAL_BIN ?? path.join(root, 'target', 'release', 'portal');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-e2e-'));

type Backend = { name: string; port: number; databaseUrl: string };
// E2E_PORT lets two checkouts run their tests side by side on one machine.
const basePort = Number(process.env.E2E_PORT ?? 3100);
const backends: Backend[] = [
  { name: 'sqlite', port: basePort, databaseUrl: `sqlite://${dataDir}/e2e.sqlite?mode=rwc` },
];
if (process.env.E2E_POSTGRES_URL) {
  backends.push({ name: 'postgres', port: basePort + 1, databaseUrl: process.env.E2E_POSTGRES_URL });
}

// Staff sign in at a real OpenID provider (npm `oidc-provider`, e2e/oidc/provider.mjs) on
// loopback; the first administrator is invited by `portal admin invite` before each server starts.
const oidcPort = basePort + 2;
export const OIDC_ISSUER = `http://127.0.0.1:${oidcPort}`;

// Chromium must not try to reach Google: the machine has no network, and a victim's browser
// talking to third parties is exactly what the portal avoids.
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    locale: 'en-US',
    launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs },
    trace: 'retain-on-failure',
  },
  projects: backends.flatMap((backend) => [
    {
      name: `${backend.name}-js`,
      testIgnore: /\.nojs\.spec\.ts$/,
      use: { baseURL: `http://127.0.0.1:${backend.port}`, javaScriptEnabled: true },
    },
    {
      name: `${backend.name}-nojs`,
      testIgnore: /\.hydrate\.spec\.ts$/,
      use: { baseURL: `http://127.0.0.1:${backend.port}`, javaScriptEnabled: false },
    },
  ]),
  webServer: [
    {
      command: 'node oidc/provider.mjs',
      cwd: __dirname,
      url: `${OIDC_ISSUER}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      env: { OIDC_PORT: String(oidcPort) },
    },
    ...backends.map((backend) => ({
      command: `"${binary}" admin invite --email admin@example.test && exec "${binary}"`,
      cwd: root,
      url: `http://127.0.0.1:${backend.port}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      env: {
        PORTAL_LISTEN: `127.0.0.1:${backend.port}`,
        DATABASE_URL: backend.databaseUrl,
        PORTAL_DATA_DIR: path.join(dataDir, backend.name),
        PORTAL_QUICK_EXIT_URL: 'https://weather.example/today',
        LEPTOS_SITE_ROOT: path.join(root, 'target', 'site'),
        LEPTOS_ENV: 'PROD',
        RUST_LOG: 'info',
        PORTAL_OIDC_ISSUER: OIDC_ISSUER,
        PORTAL_OIDC_CLIENT_ID: 'portal',
        PORTAL_OIDC_CLIENT_SECRET: 'portal-test-secret',
      },
    })),
  ],
});
