import { Injectable } from '@angular/core';
import { GoogleProvider } from '../api/models';
import { newUuid } from '../shared/format/uuid';

const KEY = 'marquee.google-sign-in';

/** What the app remembers across the trip to Google: the anti-forgery state, the token's nonce, where to return. */
export interface PendingSignIn { state: string; nonce: string; volta: string; }

export type CallbackResult = { idToken: string; volta: string } | { error: 'denied' | 'mismatch' | 'missing' };

/** Google's OpenID Connect implicit flow: the ID token comes back in the URL fragment of our callback page. */
export function authorizationUrl(provider: GoogleProvider, redirectUri: string, pending: PendingSignIn): string {
  const query = new URLSearchParams({
    client_id: provider.clientId,
    redirect_uri: redirectUri,
    response_type: 'id_token',
    scope: 'openid email profile',
    state: pending.state,
    nonce: pending.nonce,
    prompt: 'select_account',
  });
  return `${provider.authorizationEndpoint}?${query}`;
}

/** The nonce claim of an ID token (the API checks the signature; the nonce ties the token to this browser's request). */
export function nonceOf(idToken: string): string | undefined {
  try {
    const payload = idToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return (JSON.parse(atob(payload)) as { nonce?: string }).nonce;
  } catch {
    return undefined;
  }
}

/** Accepts the callback only for the request this browser started: same state, same nonce. */
export function readCallback(fragment: string, pending: PendingSignIn | null): CallbackResult {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  if (params.get('error')) return { error: 'denied' };
  const idToken = params.get('id_token');
  if (!idToken || !pending) return { error: 'missing' };
  if (params.get('state') !== pending.state || nonceOf(idToken) !== pending.nonce) return { error: 'mismatch' };
  return { idToken, volta: pending.volta };
}

/** Starts and finishes a Google sign-in; the pending request lives in this tab's sessionStorage, once. */
@Injectable({ providedIn: 'root' })
export class GoogleSignIn {
  static readonly callbackPath = '/entrar/google';

  start(provider: GoogleProvider, volta: string): string {
    const pending: PendingSignIn = { state: newUuid(), nonce: newUuid(), volta };
    sessionStorage.setItem(KEY, JSON.stringify(pending));
    return authorizationUrl(provider, `${location.origin}${GoogleSignIn.callbackPath}`, pending);
  }

  finish(fragment: string): CallbackResult {
    const raw = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    return readCallback(fragment, raw ? (JSON.parse(raw) as PendingSignIn) : null);
  }
}
