// A real OpenID provider for tests and local development: npm's `oidc-provider` with static
// clients, a fixed TEST signing key (e2e/oidc/test-signing-key.pem; never use it anywhere
// else) and its own small login page.
//
// Accounts: any address at example.test, with the password `test-password`; the subject is
// `sub-` + the part before the @, and the e-mail is reported as verified.
//
//   node e2e/oidc/provider.mjs               # issuer http://127.0.0.1:3990 (OIDC_PORT to change)
//   OIDC_PORT=0 node e2e/oidc/provider.mjs   # any free port; the first stdout line says which
//
// Prints `issuer=<url>` once it listens.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import Provider from 'oidc-provider';

const here = path.dirname(fileURLToPath(import.meta.url));
const PASSWORD = 'test-password';
const DOMAIN = '@example.test';

export const CLIENT_ID = 'portal';
export const CLIENT_SECRET = 'portal-test-secret';

const signingKey = {
  ...crypto.createPrivateKey(fs.readFileSync(path.join(here, 'test-signing-key.pem'))).export({ format: 'jwk' }),
  kid: 'portal-test-key',
  alg: 'RS256',
  use: 'sig',
};

function account(email) {
  const local = email.slice(0, -DOMAIN.length);
  return {
    accountId: `sub-${local}`,
    async claims() {
      return { sub: `sub-${local}`, email, email_verified: true, name: local.replace(/[-_.]/g, ' ') };
    },
  };
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function loginPage(uid, message = '') {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test identity provider: sign in</title></head>
<body><main>
<h1>Test identity provider</h1>
${message ? `<p role="alert">${escapeHtml(message)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<p><label for="login">E-mail address</label> <input id="login" name="login" type="email" autocomplete="off" required></p>
<p><label for="password">Password</label> <input id="password" name="password" type="password" required></p>
<p><button type="submit">Sign in</button></p>
</form>
</main></body></html>`;
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 10_000) break;
  }
  return new URLSearchParams(body);
}

const server = http.createServer();
await new Promise((resolve) => server.listen(Number(process.env.OIDC_PORT ?? 3990), '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      // `native` lets the portal run on any loopback port (RFC 8252, 7.3): tests bind port 0.
      application_type: 'native',
      redirect_uris: ['http://127.0.0.1/staff/oidc/callback', 'http://localhost/staff/oidc/callback'],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  jwks: { keys: [signingKey] },
  cookies: { keys: ['test-only-cookie-key'] },
  pkce: { required: () => true },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  // E-mail and name in the ID token itself, as most organisations' providers do.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: false } },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(ctx, id) {
    const local = id.replace(/^sub-/, '');
    return account(`${local}${DOMAIN}`);
  },
});

async function grantFor(accountId, clientId) {
  const grant = new provider.Grant({ accountId, clientId });
  grant.addOIDCScope('openid email profile');
  return grant.save();
}

const callback = provider.callback();
server.on('request', async (req, res) => {
  const match = req.url.match(/^\/interaction\/([\w-]+)(\/login)?$/);
  if (!match) return callback(req, res);
  try {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET' && !match[2] && details.prompt.name === 'consent') {
      // Already signed in here: consent is implied for our first-party client.
      const consent = { grantId: await grantFor(details.session.accountId, details.params.client_id) };
      return provider.interactionFinished(req, res, { consent }, { mergeWithLastSubmission: true });
    }
    if (req.method === 'GET' && !match[2]) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(loginPage(details.uid));
    }
    if (req.method === 'POST' && match[2]) {
      const form = await readForm(req);
      const email = (form.get('login') ?? '').trim().toLowerCase();
      if (!email.endsWith(DOMAIN) || email.length <= DOMAIN.length || form.get('password') !== PASSWORD) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(loginPage(details.uid, 'Wrong e-mail address or password.'));
      }
      const { accountId } = account(email);
      // Consent is implied for our first-party client (`native` clients are always asked
      // otherwise, RFC 8252), so the login result carries it.
      const consent = { grantId: await grantFor(accountId, details.params.client_id) };
      return provider.interactionFinished(req, res, { login: { accountId }, consent }, { mergeWithLastSubmission: false });
    }
    res.writeHead(405).end();
  } catch (err) {
    res.writeHead(400, { 'content-type': 'text/plain' }).end(String(err.message ?? err));
  }
});

// Started by a test program: exit with it.
if (process.env.OIDC_EXIT_WITH_STDIN) {
  process.stdin.on('end', () => process.exit(0));
  process.stdin.resume();
}

console.log(`issuer=${issuer}`);
