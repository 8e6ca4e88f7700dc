// End-to-end tests against the release build that `make run` serves, once on SQLite and,
// when E2E_POSTGRES_URL is set, once more on PostgreSQL. Each database gets two projects:
// with JavaScript (hydrated) and without (server-rendered pages and plain forms only).
import { defineConfig } from '@playwright/test';
import * as os from 'node:os';
import * as path from 'node:path';
import * as fs from 'node:fs';

const root = path.resolve(__dirname, '..');
const binary = process.env.PORTAL_BIN ?? path.join(root, 'target', 'release', 'portal');
// Made once by the runner and inherited by its workers (which evaluate this file again), so
// tests can find the servers' database files and logs.
process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'portal-e2e-'));
const dataDir = process.env.E2E_DATA_DIR;

// Every request carries this address (in the header the servers are told to trust, as behind
// a proxy) and this user agent. After all other tests, `privacy.scan.ts` searches the
// databases and the server logs for both: a reporter's address and browser are never kept.
export const CLIENT_IP = '203.0.113.77';
export const USER_AGENT =
  'Mozilla/5.0 (Linux; Android 11; E2E-Phone-7f3a9c) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36';

export type Backend = {
  name: string;
  port: number;
  databaseUrl: string;
  dataDir: string;
  log: string;
  env?: Record<string, string>;
};
// E2E_PORT lets two checkouts run their tests side by side on one machine.
const basePort = Number(process.env.E2E_PORT ?? 3100);
const backends: Backend[] = [
  {
    name: 'sqlite',
    port: basePort,
    databaseUrl: `sqlite://${dataDir}/e2e.sqlite?mode=rwc`,
    dataDir: path.join(dataDir, 'sqlite'),
    log: path.join(dataDir, 'sqlite.log'),
  },
];
if (process.env.E2E_POSTGRES_URL) {
  backends.push({
    name: 'postgres',
    port: basePort + 1,
    databaseUrl: process.env.E2E_POSTGRES_URL,
    dataDir: path.join(dataDir, 'postgres'),
    log: path.join(dataDir, 'postgres.log'),
  });
}
// One more SQLite server with a report limit of one, for the proof of work the form asks for
// over the limit (`*.limited.spec.ts`, with JavaScript: the page solves it).
const limited: Backend = {
  name: 'limited',
  port: basePort + 3,
  databaseUrl: `sqlite://${dataDir}/limited.sqlite?mode=rwc`,
  dataDir: path.join(dataDir, 'limited'),
  log: path.join(dataDir, 'limited.log'),
  env: { PORTAL_REPORTS_PER_CLIENT: '1' },
};
const limitedSpec = /\.limited\.spec\.ts$/;
const scan = /privacy\.scan\.ts$/;
// The look of every page (tests/look): screenshots in artifacts/look/ and layout checks, once,
// on the first (SQLite) server with JavaScript, in a project of its own.
const lookSpec = /\.look\.spec\.ts$/;
// The specs whose flows write to the database: run on every backend.
const storingSpecs = /tests\/(report\/report_flow|staff\/|platforms\/)/;

// Staff sign in at a real OpenID provider (npm `oidc-provider`, e2e/oidc/provider.mjs) on
// loopback; the first administrator is invited by `portal admin invite` before each server starts.
const oidcPort = basePort + 2;
export const OIDC_ISSUER = `http://127.0.0.1:${oidcPort}`;

// Hosting resolution never leaves the machine either: the Rust tests' DNS (UDP) and RDAP
// servers (server/tests/api/hosting_servers.rs, built as an example), with their test
// networks (e.g. www.plain-host.com, a Swiss network reached through ARIN's redirect).
const dnsPort = basePort + 4;
const rdapPort = basePort + 5;
const smtpPort = basePort + 7;
const hostingServers =
  process.env.HOSTING_SERVERS_BIN ?? path.join(root, 'target', 'release', 'examples', 'hosting_servers');

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
    userAgent: USER_AGENT,
    extraHTTPHeaders: { 'X-Real-IP': CLIENT_IP },
    launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs },
    trace: 'retain-on-failure',
  },
  projects: [
    ...backends.flatMap((backend) => [
      {
        name: `${backend.name}-js`,
        // On PostgreSQL only what stores something (the database is what differs); pages that
        // only render (home, shell, guidance, accessibility, page weight) run on SQLite.
        ...(backend.name === 'postgres' ? { testMatch: storingSpecs } : {}),
        testIgnore: [/\.nojs\.spec\.ts$/, limitedSpec, lookSpec, scan],
        metadata: backend,
        use: { baseURL: `http://127.0.0.1:${backend.port}`, javaScriptEnabled: true },
      },
      {
        name: `${backend.name}-nojs`,
        ...(backend.name === 'postgres' ? { testMatch: storingSpecs } : {}),
        testIgnore: [/\.hydrate\.spec\.ts$/, limitedSpec, lookSpec, scan],
        metadata: backend,
        use: { baseURL: `http://127.0.0.1:${backend.port}`, javaScriptEnabled: false },
      },
    ]),
    {
      name: 'limited-js',
      testMatch: limitedSpec,
      metadata: limited,
      use: { baseURL: `http://127.0.0.1:${limited.port}`, javaScriptEnabled: true },
    },
    {
      name: 'look',
      testMatch: lookSpec,
      metadata: backends[0],
      use: { baseURL: `http://127.0.0.1:${backends[0].port}`, javaScriptEnabled: true },
    },
    {
      name: 'privacy-scan',
      testMatch: scan,
      metadata: { backends: [...backends, limited] },
      // `look` sends reports to the SQLite server too: the scan comes after it.
      dependencies: [
        ...backends.flatMap((backend) => [`${backend.name}-js`, `${backend.name}-nojs`]),
        'limited-js',
        'look',
      ],
    },
  ],
  webServer: [
    {
      // DNS, RDAP and the SMTP server notices are delivered to.
      command: `"${hostingServers}" 127.0.0.1:${dnsPort} 127.0.0.1:${rdapPort} 127.0.0.1:${smtpPort}`,
      cwd: root,
      url: `http://127.0.0.1:${rdapPort}/bootstrap/asn.json`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
    },
    {
      command: 'node oidc/provider.mjs',
      cwd: __dirname,
      url: `${OIDC_ISSUER}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      env: { OIDC_PORT: String(oidcPort) },
    },
    ...[...backends, limited].map((backend) => ({
      // The first administrator is invited before the server starts. The logs go to a file
      // the privacy scan reads (the command runs in a shell).
      command:
        `"${binary}" admin invite --email admin@example.test >> "${backend.log}" 2>&1 && ` +
        `exec "${binary}" >> "${backend.log}" 2>&1`,
      cwd: root,
      url: `http://127.0.0.1:${backend.port}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore' as const,
      env: {
        PORTAL_LISTEN: `127.0.0.1:${backend.port}`,
        DATABASE_URL: backend.databaseUrl,
        PORTAL_DATA_DIR: backend.dataDir,
        PORTAL_QUICK_EXIT_URL: 'https://weather.example/today',
        PORTAL_CLIENT_IP_HEADER: 'x-real-ip',
        ...backend.env,
        LEPTOS_SITE_ROOT: path.join(root, 'target', 'site'),
        LEPTOS_ENV: 'PROD',
        RUST_LOG: 'info',
        PORTAL_OIDC_ISSUER: OIDC_ISSUER,
        PORTAL_OIDC_CLIENT_ID: 'portal',
        PORTAL_OIDC_CLIENT_SECRET: 'portal-test-secret',
        PORTAL_DNS_SERVERS: `127.0.0.1:${dnsPort}`,
        PORTAL_RDAP_BOOTSTRAP: `http://127.0.0.1:${rdapPort}/bootstrap/`,
        PORTAL_OUTBOUND_ALLOW: '127.0.0.1/32',
        PORTAL_RDAP_PER_SECOND: '200',
        PORTAL_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        PORTAL_NOTICE_FROM: 'notices@helpline.example',
        // The hash list publishes every 2 s (new entries spread over 6 s), so the platform
        // test sees a withdrawal within seconds, not the default half-minute.
        PORTAL_HASH_PUBLISH_SECONDS: '2',
      },
    })),
  ],
});
