import { Injectable, inject } from '@angular/core';
import { Observable, finalize, map, shareReplay, tap } from 'rxjs';
import { AuthApi } from '../api/api.services';
import { TokenStore } from './token-store';

/**
 * Refreshes the access token once at a time: concurrent callers share one POST /auth/refresh,
 * and the rotated refresh token replaces the old one.
 */
@Injectable({ providedIn: 'root' })
export class TokenRefresher {
  private readonly api = inject(AuthApi);
  private readonly store = inject(TokenStore);
  private inFlight: Observable<string> | null = null;

  refresh(): Observable<string> {
    if (this.inFlight) return this.inFlight;
    const refreshToken = this.store.tokens()?.refreshToken;
    if (!refreshToken) throw new Error('no refresh token');
    this.inFlight = this.api.refresh(refreshToken).pipe(
      tap((res) => this.store.set(res)),
      map((res) => res.accessToken),
      finalize(() => (this.inFlight = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.inFlight;
  }
}
