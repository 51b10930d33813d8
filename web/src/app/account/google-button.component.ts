import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { AuthApi } from '../api/api.services';
import { GoogleProvider } from '../api/models';
import { GoogleSignIn } from '../auth/google-sign-in';
import { t } from '../i18n/pt-BR';

/** "Sign in with Google", shown only when the API says Google sign-in is configured. */
@Component({
  selector: 'mq-google-button',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@if (provider(); as p) { <p><button type="button" class="btn-secondary" (click)="start(p)">{{ t.account.google }}</button></p> }`,
})
export class GoogleButtonComponent {
  /** Where to land after signing in. */
  readonly volta = input('/');
  protected readonly t = t;
  protected readonly provider = signal<GoogleProvider | null>(null);
  private readonly google = inject(GoogleSignIn);

  constructor() {
    inject(AuthApi).providers().subscribe({ next: (p) => this.provider.set(p?.google ?? null), error: () => undefined });
  }

  protected start(provider: GoogleProvider): void {
    window.location.assign(this.google.start(provider, this.volta()));
  }
}
