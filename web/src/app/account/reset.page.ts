import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { AuthApi } from '../api/api.services';
import { fieldErrors, problemMessage, toProblem } from '../api/problem';
import { t } from '../i18n/pt-BR';
import { FieldErrorComponent, ProblemComponent } from '../shared/ui/field-error.component';

/** The mailed link's page: /reset-password?token=… */
@Component({
  selector: 'mq-reset',
  imports: [FormsModule, RouterLink, FieldErrorComponent, ProblemComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t.account.resetTitle }}</h1>
    @if (!token()) { <p role="alert" class="error">{{ t.account.missingToken }}</p> }
    @else if (done()) { <p role="status">{{ t.account.resetDone }}</p> <p><a routerLink="/entrar">{{ t.account.signIn }}</a></p> }
    @else {
      <form (ngSubmit)="submit()" novalidate>
        <div class="field"><label for="new-password">{{ t.account.newPassword }}</label>
          <input id="new-password" name="newPassword" type="password" autocomplete="new-password" required minlength="8" [(ngModel)]="password" [attr.aria-describedby]="errors()['newPassword'] ? 'np-error' : null" [attr.aria-invalid]="!!errors()['newPassword']" />
          <mq-field-error id="np-error" [message]="errors()['newPassword']" /></div>
        <button type="submit" class="btn" [disabled]="busy()">{{ t.account.reset }}</button>
        <mq-problem [message]="problem()" />
      </form>
    }
  `,
})
export class ResetPage {
  readonly token = input<string>();
  private readonly auth = inject(AuthApi);
  protected readonly t = t;
  protected password = '';
  protected readonly busy = signal(false);
  protected readonly done = signal(false);
  protected readonly problem = signal<string | undefined>(undefined);
  protected readonly errors = signal<Record<string, string>>({});

  protected submit(): void {
    this.busy.set(true);
    this.problem.set(undefined);
    this.errors.set({});
    this.auth.reset(this.token()!, this.password).subscribe({
      next: () => { this.busy.set(false); this.done.set(true); },
      error: (err) => { this.busy.set(false); const p = toProblem(err); this.errors.set(fieldErrors(p)); this.problem.set(p.errors ? undefined : problemMessage(p)); },
    });
  }
}
