import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

export type ProviderOptions = { clientId: string; clientSecret: string; redirectUris: string[]; sessionTtlSeconds?: number };

/**
 * The test's OpenID Connect provider (`oidc-test-provider.mjs`, a real `oidc-provider`) in a child
 * process, and a browser's view of it: its own cookie jar, redirects followed by hand.
 */
export class OidcTestProvider {
  private readonly cookies = new Map<string, string>();

  private constructor(
    private readonly child: ChildProcess,
    readonly issuer: string,
  ) {}

  static async start(options: ProviderOptions): Promise<OidcTestProvider> {
    const child = spawn(process.execPath, [path.join(__dirname, 'oidc-test-provider.mjs')], {
      env: { ...process.env, OIDC_TEST_OPTIONS: JSON.stringify(options) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr!.resume();
    const first = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`test provider exited with ${code}`)));
    });
    return new OidcTestProvider(child, (JSON.parse(first) as { issuer: string }).issuer);
  }

  async setAccount(sub: string, claims: Record<string, unknown>): Promise<void> {
    const res = await fetch(`${this.issuer}/__test/accounts`, { method: 'POST', body: JSON.stringify({ sub, claims }) });
    if (res.status !== 204) throw new Error(`setAccount: ${res.status}`);
  }

  /** Forget the provider's cookies: a new browser, with no session at the provider. */
  newBrowser(): void {
    this.cookies.clear();
  }

  /**
   * Follows the browser from the authorization URL through the provider until it is sent back to
   * the platform; `signInAs` answers the provider's login page, `abort` makes the provider give up.
   * Returns the callback URL and whether the provider asked the person to sign in.
   */
  async roundTrip(authorizationUrl: string, how: { signInAs?: string; abort?: string } = {}): Promise<{ callback: URL; askedToSignIn: boolean }> {
    let url = authorizationUrl;
    let askedToSignIn = false;
    for (let hops = 0; hops < 10; hops++) {
      if (!url.startsWith(this.issuer)) return { callback: new URL(url), askedToSignIn };
      const interaction = /\/interaction\/([\w-]+)$/.exec(new URL(url).pathname);
      if (interaction) {
        askedToSignIn = true;
        if (how.abort) url = `${this.issuer}/interaction/${interaction[1]}/abort?error=${how.abort}`;
        else if (how.signInAs) url = `${this.issuer}/interaction/${interaction[1]}/login?sub=${encodeURIComponent(how.signInAs)}`;
        else throw new Error('the provider asks to sign in');
      }
      const res = await fetch(url, { redirect: 'manual', headers: { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const [name, value] = pair!.split('=') as [string, string];
        if (/expires=Thu, 01 Jan 1970/i.test(c) || value === '') this.cookies.delete(name);
        else this.cookies.set(name, value);
      }
      const location = res.headers.get('location');
      if (!location) throw new Error(`provider answered ${res.status} without a redirect: ${(await res.text()).slice(0, 200)}`);
      url = new URL(location, url).toString();
    }
    throw new Error('too many redirects');
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill();
    await exited;
  }
}
