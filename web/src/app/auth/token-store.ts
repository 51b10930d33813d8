import { Injectable, signal } from '@angular/core';
import { TokenResponse } from '../api/models';

const KEY = 'marquee.tokens';

export interface Tokens { accessToken: string; refreshToken: string; }

/** Access and refresh tokens in localStorage, mirrored in a signal. */
@Injectable({ providedIn: 'root' })
export class TokenStore {
  readonly tokens = signal<Tokens | null>(read());

  set(res: TokenResponse): void {
    const tokens = { accessToken: res.accessToken, refreshToken: res.refreshToken };
    try { localStorage.setItem(KEY, JSON.stringify(tokens)); } catch { /* private mode: keep in memory */ }
    this.tokens.set(tokens);
  }

  clear(): void {
    try { localStorage.removeItem(KEY); } catch { /* ignore */ }
    this.tokens.set(null);
  }
}

function read(): Tokens | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Tokens) : null;
  } catch {
    return null;
  }
}
