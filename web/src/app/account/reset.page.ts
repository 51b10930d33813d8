import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { AuthApi } from '../api/api.services';
import { t } from '../i18n/pt-BR';
import { FormSubmission } from '../shared/form-submission';
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
  private readonly form = new FormSubmission();
  protected readonly busy = this.form.busy;
  protected readonly problem = this.form.problem;
  protected readonly errors = this.form.errors;
  protected readonly done = signal(false);

  protected submit(): void {
    this.form.run(this.auth.reset(this.token()!, this.password), () => this.done.set(true));
  }
}
