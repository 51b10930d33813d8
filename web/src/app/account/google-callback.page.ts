import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { switchMap } from 'rxjs';
import { AuthApi } from '../api/api.services';
import { GoogleSignIn } from '../auth/google-sign-in';
import { Session } from '../auth/session';
import { t } from '../i18n/pt-BR';
import { safeReturn } from '../auth/return-path';

/** Where Google sends the browser back: the ID token in the fragment becomes Marquee tokens. */
@Component({
  selector: 'mq-google-callback',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t.account.googleTitle }}</h1>
    @if (failure(); as message) {
      <p role="alert">{{ message }}</p>
      <p><a routerLink="/entrar">{{ t.account.backToSignIn }}</a></p>
    } @else {
      <p role="status">{{ t.account.googleSigningIn }}</p>
    }
  `,
})
export class GoogleCallbackPage {
  protected readonly t = t;
  protected readonly failure = signal<string | null>(null);

  constructor() {
    const router = inject(Router);
    const session = inject(Session);
    const auth = inject(AuthApi);
    const result = inject(GoogleSignIn).finish(location.hash);
    // The token must not stay in the address bar or the history.
    history.replaceState(history.state, '', location.pathname);
    if ('error' in result) {
      this.failure.set(result.error === 'denied' ? t.account.googleDenied : t.account.googleFailed);
      return;
    }
    auth.google(result.idToken).pipe(switchMap((tokens) => session.accept(tokens))).subscribe({
      next: () => void router.navigateByUrl(safeReturn(result.volta), { replaceUrl: true }),
      error: () => this.failure.set(t.account.googleFailed),
    });
  }
}
