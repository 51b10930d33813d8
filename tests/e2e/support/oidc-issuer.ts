import { createServer, type Server } from 'node:http';
import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';

/** The OAuth client id the live run is configured with (test.sh sets Google__ClientId to it). */
export const E2E_GOOGLE_CLIENT_ID = 'marquee-e2e.apps.googleusercontent.com';

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

/**
 * Stands in for accounts.google.com during the browser suite: a discovery document, its JWKS, and an
 * authorization endpoint that signs a new Google account in at once (no consent screen) and sends the
 * browser back to the app with an RS256 ID token in the URL fragment, as Google's implicit flow does.
 */
export function startOidcIssuer(port: number): Promise<Server> {
  const authority = `http://127.0.0.1:${port}`;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'e2e-key', use: 'sig', alg: 'RS256' };

  function idToken(audience: string, nonce: string): string {
    const now = Math.floor(Date.now() / 1000);
    const id = randomUUID().slice(0, 12);
    const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'e2e-key' }));
    const payload = base64url(JSON.stringify({
      iss: authority, aud: audience, sub: `google-${id}`, email: `google-${id}@gmail.e2e.test`, email_verified: true,
      name: `Google ${id.slice(0, 4)}`, nonce, iat: now, nbf: now, exp: now + 300,
    }));
    const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(privateKey);
    return `${header}.${payload}.${base64url(signature)}`;
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', authority);
    if (url.pathname === '/.well-known/openid-configuration') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ issuer: authority, jwks_uri: `${authority}/jwks`, authorization_endpoint: `${authority}/authorize`, id_token_signing_alg_values_supported: ['RS256'] }));
    } else if (url.pathname === '/jwks') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    } else if (url.pathname === '/authorize') {
      const redirect = url.searchParams.get('redirect_uri') ?? '';
      const fragment = new URLSearchParams({
        id_token: idToken(url.searchParams.get('client_id') ?? '', url.searchParams.get('nonce') ?? ''),
        state: url.searchParams.get('state') ?? '',
      });
      res.writeHead(302, { location: `${redirect}#${fragment}` });
      res.end();
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
