// Runs after every other test (see the `privacy-scan` project): the reporters' address and
// browser, sent with every request of the suite, must appear in no database and no log.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { test, expect } from '@playwright/test';
import { CLIENT_IP, USER_AGENT, type Backend } from '../playwright.config';

const needles = [CLIENT_IP, USER_AGENT, 'E2E-Phone-7f3a9c'];

function sqliteFiles(databaseUrl: string): string[] {
  const file = databaseUrl.replace(/^sqlite:\/\//, '').replace(/\?.*$/, '');
  return [file, `${file}-wal`, `${file}-shm`, `${file}-journal`].filter((f) => fs.existsSync(f));
}

/// Everything PostgreSQL holds for the database, as SQL text.
function postgresDump(databaseUrl: string): Buffer {
  const bin = fs
    .readdirSync('/usr/lib/postgresql')
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => path.join('/usr/lib/postgresql', v, 'bin', 'pg_dump'))
    .find((p) => fs.existsSync(p));
  return execFileSync(bin ?? 'pg_dump', ['--no-owner', databaseUrl], { maxBuffer: 1 << 30 });
}

test('no client address or user agent in any database or log', async ({}, testInfo) => {
  const backends = testInfo.project.metadata.backends as Backend[];
  for (const backend of backends) {
    const sources: [string, Buffer][] = [[backend.log, fs.readFileSync(backend.log)]];
    if (backend.databaseUrl.startsWith('sqlite:')) {
      for (const file of sqliteFiles(backend.databaseUrl)) sources.push([file, fs.readFileSync(file)]);
    } else {
      sources.push([`pg_dump ${backend.name}`, postgresDump(backend.databaseUrl)]);
    }
    // The scan must have something to look at: requests were logged and reports that were
    // not withdrawn are stored (their addresses are all on `*.example` hosts).
    expect(sources[0][1].toString('utf8'), `${backend.name} log has requests`).toMatch(/\/report/);
    expect(Buffer.concat(sources.slice(1).map(([, bytes]) => bytes)).includes('.example/'), `a report in ${backend.name}`).toBe(true);
    for (const [name, bytes] of sources) {
      for (const needle of needles) {
        expect(bytes.includes(needle), `${needle} in ${name}`).toBe(false);
      }
    }
  }
});
