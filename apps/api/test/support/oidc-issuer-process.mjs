// A real OpenID Connect issuer (oidc-provider) for tests, run in a process of its own: oidc-provider is ESM-only and
// Jest's module system cannot load it, while plain Node can. Started by oidc-issuer.ts, which passes its settings
// as JSON in OIDC_TEST_ISSUER and reads the issuer's URL from the first line this process prints. A line of JSON
// `{"redirectUris": [...]}` on standard input replaces the client's redirect URIs (answered `{"ok": true}`), for a
// hub whose port is known only after the issuer's URL is.
//
// Its login page is a plain HTML form (one field: the account's e-mail), so api tests can post it over HTTP and
// browser tests can fill it in. Consent is granted without asking: the hub is the issuer's own first-party client.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { createInterface } from 'node:readline';
import Provider from 'oidc-provider';

const settings = JSON.parse(process.env.OIDC_TEST_ISSUER ?? '{}');
const accounts = new Map(settings.accounts.map((a) => [a.sub, a]));
const byLogin = (login) =>
  settings.accounts.find((a) => a.sub === login || a.email.toLowerCase() === login.trim().toLowerCase());

const server = createServer();
await new Promise((resolve) => server.listen(settings.port ?? 0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' };
const cookieKey = randomBytes(32).toString('hex');

const newProvider = (redirectUris) => {
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: settings.clientId,
        client_secret: settings.clientSecret,
        redirect_uris: redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [cookieKey] },
    claims: {
      acr: null,
      amr: null,
      auth_time: null,
      sid: null,
      // amr in every ID token (real issuers such as Entra and Okta send it unasked), so the hub can see 'mfa'.
      openid: ['sub', 'amr', 'auth_time'],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        async claims() {
          return {
            sub,
            email: account.email,
            email_verified: account.emailVerified ?? true,
            name: account.name,
          };
        },
      };
    },
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  provider.on('server_error', (_ctx, err) => process.stderr.write(`oidc issuer error: ${err.stack}\n`));
  return { provider, handler: provider.callback() };
};
let { provider, handler } = newProvider(settings.redirectUris);

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid, error) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head>
<body><main><h1>Test identity provider</h1>
${error ? `<p role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
<label for="login">E-mail</label> <input id="login" name="login" type="email" autocomplete="username" required autofocus>
<button type="submit">Sign in</button>
</form></main></body></html>`;
}

async function formBody(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

server.on('request', async (req, res) => {
  const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(new URL(req.url, issuer).pathname);
  if (!match) return handler(req, res);
  try {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(loginPage(details.uid));
    }
    const account = byLogin((await formBody(req)).get('login') ?? '');
    if (!account) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(loginPage(details.uid, 'No such account at this identity provider.'));
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: account.sub, ...(account.amr ? { amr: account.amr } : {}) } },
      { mergeWithLastSubmission: false },
    );
  } catch (err) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`Interaction failed: ${err.message}`);
  }
});

process.stdout.write(`${JSON.stringify({ issuer })}\n`);
createInterface({ input: process.stdin }).on('line', (line) => {
  ({ provider, handler } = newProvider(JSON.parse(line).redirectUris));
  process.stdout.write(`${JSON.stringify({ ok: true })}\n`);
});
process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
