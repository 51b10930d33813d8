import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { AuthApi } from '../api/api.services';
import { fieldErrors, problemMessage, toProblem } from '../api/problem';
import { t } from '../i18n/pt-BR';
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
  protected readonly busy = signal(false);
  protected readonly sent = signal(false);
  protected readonly problem = signal<string | undefined>(undefined);
  protected readonly errors = signal<Record<string, string>>({});

  protected submit(): void {
    this.busy.set(true);
    this.problem.set(undefined);
    this.errors.set({});
    this.auth.forgot(this.email).subscribe({
      next: () => { this.busy.set(false); this.sent.set(true); },
      error: (err) => { this.busy.set(false); const p = toProblem(err); this.errors.set(fieldErrors(p)); this.problem.set(p.errors ? undefined : problemMessage(p)); },
    });
  }
}
