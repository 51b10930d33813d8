import { authorizationUrl, nonceOf, readCallback, type PendingSignIn } from './google-sign-in';

const pending: PendingSignIn = { state: 'state-1', nonce: 'nonce-1', volta: '/pedidos' };
const provider = { clientId: 'client.apps.googleusercontent.com', authorizationEndpoint: 'https://accounts.example/auth' };

function token(claims: object): string {
  const part = (value: object) => btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${part({ alg: 'RS256' })}.${part(claims)}.signature`;
}

describe('Google sign-in', () => {
  it('asks the authorization endpoint for an ID token with this state and nonce, back to our callback', () => {
    const url = new URL(authorizationUrl(provider, 'http://127.0.0.1:5080/entrar/google', pending));
    expect(url.origin + url.pathname).toBe('https://accounts.example/auth');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: provider.clientId, redirect_uri: 'http://127.0.0.1:5080/entrar/google', response_type: 'id_token',
      scope: 'openid email profile', state: 'state-1', nonce: 'nonce-1', prompt: 'select_account',
    });
  });

  it('reads the nonce of a base64url token, and nothing of a malformed one', () => {
    // '>>>?' encodes to base64 with '+' and '/', which base64url spells '-' and '_'.
    expect(nonceOf(token({ nonce: '>>>???' }))).toBe('>>>???');
    expect(nonceOf('not-a-token')).toBeUndefined();
  });

  it('hands over the ID token and where to return when state and nonce match', () => {
    const idToken = token({ nonce: 'nonce-1' });
    expect(readCallback(`#id_token=${idToken}&state=state-1`, pending)).toEqual({ idToken, volta: '/pedidos' });
  });

  it('refuses a callback of another request: wrong state, wrong nonce, nothing pending', () => {
    expect(readCallback(`#id_token=${token({ nonce: 'nonce-1' })}&state=forged`, pending)).toEqual({ error: 'mismatch' });
    expect(readCallback(`#id_token=${token({ nonce: 'other' })}&state=state-1`, pending)).toEqual({ error: 'mismatch' });
    expect(readCallback(`#id_token=${token({ nonce: 'nonce-1' })}&state=state-1`, null)).toEqual({ error: 'missing' });
  });

  it('says the user declined when Google answers an error', () => {
    expect(readCallback('#error=access_denied&state=state-1', pending)).toEqual({ error: 'denied' });
  });
});
