import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { AuthApi } from '../api/api.services';
import { t } from '../i18n/pt-BR';
import { FormSubmission } from '../shared/form-submission';
import { FieldErrorComponent, ProblemComponent } from '../shared/ui/field-error.component';

@Component({
  selector: 'mq-forgot',
  imports: [FormsModule, FieldErrorComponent, ProblemComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t.account.forgotTitle }}</h1>
    <form (ngSubmit)="submit()" novalidate>
      <div class="field"><label for="email">{{ t.account.email }}</label>
        <input id="email" name="email" type="email" autocomplete="email" required [(ngModel)]="email" [attr.aria-describedby]="errors()['email'] ? 'email-error' : null" [attr.aria-invalid]="!!errors()['email']" />
        <mq-field-error id="email-error" [message]="errors()['email']" /></div>
      <button type="submit" class="btn" [disabled]="busy()">{{ t.account.sendLink }}</button>
      <mq-problem [message]="problem()" />
    </form>
    @if (sent()) { <p role="status">{{ t.account.forgotSent }}</p> }
  `,
})
export class ForgotPage {
  private readonly auth = inject(AuthApi);
  protected readonly t = t;
  protected email = '';
  private readonly form = new FormSubmission();
  protected readonly busy = this.form.busy;
  protected readonly problem = this.form.problem;
  protected readonly errors = this.form.errors;
  protected readonly sent = signal(false);

  protected submit(): void {
    this.form.run(this.auth.forgot(this.email), () => this.sent.set(true));
  }
}
