import { Injectable, computed, inject, signal } from '@angular/core';
import { Observable, catchError, firstValueFrom, of, switchMap, tap } from 'rxjs';
import { AuthApi, UsersApi } from '../api/api.services';
import { Role, TokenResponse, User } from '../api/models';
import { TokenStore } from './token-store';

/** The signed-in user, if any. */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly auth = inject(AuthApi);
  private readonly users = inject(UsersApi);
  private readonly store = inject(TokenStore);
  readonly user = signal<User | null>(null);
  readonly signedIn = computed(() => this.store.tokens() !== null);
  /** Managers and admins run the chain; the API decides what each may do, this only decides what to show. */
  readonly isStaff = computed(() => this.hasRole('manager') || this.hasRole('admin'));
  readonly isAdmin = computed(() => this.hasRole('admin'));

  hasRole(role: Role): boolean {
    return this.user()?.roles.includes(role) ?? false;
  }

  /** The signed-in user, loading the profile once when only tokens are known; null when signed out. */
  currentUser(): Observable<User | null> {
    const known = this.user();
    if (known) return of(known);
    if (!this.store.tokens()) return of(null);
    return this.users.me().pipe(tap((u) => this.user.set(u)), catchError(() => of(null)));
  }

  /** Loads the profile when tokens are stored (on start). */
  restore(): void {
    if (!this.store.tokens()) return;
    this.users.me().subscribe({ next: (u) => this.user.set(u), error: () => undefined });
  }

  login(email: string, password: string): Observable<User> {
    return this.auth.login(email, password).pipe(switchMap((res) => this.accept(res)));
  }

  accept(res: TokenResponse): Observable<User> {
    this.store.set(res);
    return this.users.me().pipe(tap((u) => this.user.set(u)));
  }

  async logout(): Promise<void> {
    const refreshToken = this.store.tokens()?.refreshToken;
    if (refreshToken) {
      try { await firstValueFrom(this.auth.logout(refreshToken)); } catch { /* signing out locally anyway */ }
    }
    this.store.clear();
    this.user.set(null);
  }
}
