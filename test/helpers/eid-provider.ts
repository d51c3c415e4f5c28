import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/**
 * A real OpenID provider (oidc-provider) on loopback standing in for VNeID, with its development
 * login and consent pages, and a browser stand-in that walks the redirects and submits those pages.
 */
export interface EidPerson {
  name: string;
  national_id?: string;
  birthdate?: string;
  phone_number?: string;
  phone_number_verified?: boolean;
  email?: string;
  email_verified?: boolean;
}

export interface EidProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  close(): Promise<void>;
  /** Follows the provider's pages from the authorisation URL, logs in as `sub`, consents; returns the callback URL. */
  authorize(authorizationUrl: string, sub: string): Promise<URL>;
}

export async function startEidProvider(people: Record<string, EidPerson>, redirectUri: string): Promise<EidProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'motcua-test';
  const clientSecret = 'motcua-test-secret-0123456789';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    findAccount: (_ctx: unknown, sub: string) => {
      const person = people[sub];
      return person ? { accountId: sub, claims: () => ({ sub, ...person }) } : undefined;
    },
    claims: {
      openid: ['sub'],
      profile: ['name', 'birthdate', 'national_id'],
      phone: ['phone_number', 'phone_number_verified'],
      email: ['email', 'email_verified'],
    },
    cookies: { keys: ['eid-test-cookie-key'] },
    features: { devInteractions: { enabled: true } },
  });
  server.on('request', provider.callback());

  const jar = new Map<string, string>();
  const remember = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (pair && eq > 0) jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const go = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...init.headers, cookie: cookie() } });
    remember(res);
    return res;
  };

  return {
    issuer,
    clientId,
    clientSecret,
    redirectUri,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
    async authorize(authorizationUrl, sub) {
      jar.clear(); // a fresh browser each time: no provider session left from an earlier login
      let url = authorizationUrl;
      for (let hops = 0; hops < 20; hops += 1) {
        if (url.startsWith(redirectUri)) return new URL(url);
        let res = await go(url);
        if (new URL(url).pathname.startsWith('/interaction/')) {
          const page = await res.text();
          const prompt = page.includes('name="login"') ? 'login' : 'consent';
          const form = new URLSearchParams({ prompt, ...(prompt === 'login' ? { login: sub, password: 'any' } : {}) });
          res = await go(url, {
            method: 'POST',
            body: form,
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          });
        }
        const location = res.headers.get('location');
        if (!location) throw new Error(`provider stopped at ${url} with ${res.status}: ${await res.text()}`);
        url = new URL(location, url).href;
      }
      throw new Error('too many redirects');
    },
  };
}
