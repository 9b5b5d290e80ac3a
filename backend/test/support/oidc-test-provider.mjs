// A real OpenID Connect provider (the `oidc-provider` package) for the integration tests, run as a
// child process because the package is ESM-only. Its accounts and the person "typing at the
// provider" are driven over HTTP by the test:
//   POST /__test/accounts {sub, claims}        set what the provider says about an account
//   GET  /interaction/:uid/login?sub=…         the person signs in at the provider as `sub`
//   GET  /interaction/:uid/abort?error=…       the provider gives up (its session ended, the person cancelled)
// Prints {"issuer": "..."} on its first line of output once listening.
import http from 'node:http';
import Provider from 'oidc-provider';

const options = JSON.parse(process.env.OIDC_TEST_OPTIONS ?? '{}');
const accounts = new Map();

const server = http.createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [{
    client_id: options.clientId,
    client_secret: options.clientSecret,
    redirect_uris: options.redirectUris,
    response_types: ['code'],
    grant_types: ['authorization_code'],
  }],
  claims: { openid: ['sub'], profile: ['name', 'birthdate', 'citizen_id', 'phone_number'] },
  scopes: ['openid', 'profile'],
  findAccount: (_ctx, sub) => (accounts.has(sub) ? { accountId: sub, claims: () => ({ sub, ...accounts.get(sub) }) } : undefined),
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  // No consent screen: a grant for what the client asks, as a provider does for a client it trusts.
  loadExistingGrant: async (ctx) => {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid profile');
    await grant.save();
    return grant;
  },
  ttl: { Session: options.sessionTtlSeconds ?? 3600, Interaction: 600, Grant: 600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
  cookies: { keys: ['oidc-test-provider-cookie-key'] },
  // Expiry exactly as configured, so a test can watch a session end.
  clockTolerance: 0,
});
provider.on('server_error', (_ctx, err) => console.error('provider server_error', err));

const callback = provider.callback();
server.on('request', async (req, res) => {
  const url = new URL(req.url, issuer);
  try {
    if (req.method === 'POST' && url.pathname === '/__test/accounts') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const { sub, claims } = JSON.parse(body);
      accounts.set(sub, claims);
      res.writeHead(204).end();
      return;
    }
    const interaction = /^\/interaction\/([\w-]+)\/(login|abort)$/.exec(url.pathname);
    if (interaction) {
      await provider.interactionDetails(req, res);
      const result = interaction[2] === 'login'
        ? { login: { accountId: url.searchParams.get('sub') } }
        : { error: url.searchParams.get('error') ?? 'access_denied', error_description: 'Phiên đăng nhập đã hết hạn' };
      await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
      return;
    }
    if (/^\/interaction\/[\w-]+$/.test(url.pathname)) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<form>Đăng nhập</form>');
      return;
    }
    callback(req, res);
  } catch (err) {
    res.writeHead(500).end(String(err));
  }
});

console.log(JSON.stringify({ issuer }));
