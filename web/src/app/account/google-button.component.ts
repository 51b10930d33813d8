import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { AuthApi } from '../api/api.services';
import { t } from '../i18n/pt-BR';

/**
 * Google sign-in, rendered only when the API reports a Google client id. A stub for now: the
 * Google Identity script is not loaded (the CSP allows only our origin), so it is hidden unless configured.
 */
@Component({
  selector: 'mq-google-button',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@if (clientId()) { <p><button type="button" class="btn-secondary" disabled>{{ t.account.google }}</button></p> }`,
})
export class GoogleButtonComponent {
  readonly signedIn = output<void>();
  protected readonly t = t;
  protected readonly clientId = signal<string | null>(null);
  constructor() {
    inject(AuthApi).providers().subscribe({ next: (p) => this.clientId.set(p?.google?.clientId ?? null), error: () => undefined });
  }
}
