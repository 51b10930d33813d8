import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { safeReturn } from '../auth/return-path';
import { Session } from '../auth/session';
import { t } from '../i18n/pt-BR';
import { FormSubmission } from '../shared/form-submission';
import { FieldErrorComponent, ProblemComponent } from '../shared/ui/field-error.component';
import { GoogleButtonComponent } from './google-button.component';

@Component({
  selector: 'mq-sign-in',
  imports: [FormsModule, RouterLink, FieldErrorComponent, ProblemComponent, GoogleButtonComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t.account.signInTitle }}</h1>
    <form (ngSubmit)="submit()" novalidate>
      <div class="field"><label for="email">{{ t.account.email }}</label>
        <input id="email" name="email" type="email" autocomplete="email" required [(ngModel)]="email" [attr.aria-describedby]="errors()['email'] ? 'email-error' : null" [attr.aria-invalid]="!!errors()['email']" />
        <mq-field-error id="email-error" [message]="errors()['email']" /></div>
      <div class="field"><label for="password">{{ t.account.password }}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required [(ngModel)]="password" [attr.aria-describedby]="errors()['password'] ? 'password-error' : null" [attr.aria-invalid]="!!errors()['password']" />
        <mq-field-error id="password-error" [message]="errors()['password']" /></div>
      <button type="submit" class="btn" [disabled]="busy()">{{ t.account.signIn }}</button>
      <mq-problem [message]="problem()" />
    </form>
    <mq-google-button [volta]="safeVolta()" />
    <p><a routerLink="/esqueci-senha">{{ t.account.forgot }}</a></p>
    <p><a routerLink="/cadastro" [queryParams]="volta() ? { volta: volta() } : {}">{{ t.account.noAccount }}</a></p>
  `,
})
export class SignInPage {
  readonly volta = input<string>();
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  protected readonly t = t;
  protected email = '';
  protected password = '';
  private readonly form = new FormSubmission();
  protected readonly busy = this.form.busy;
  protected readonly problem = this.form.problem;
  protected readonly errors = this.form.errors;

  protected submit(): void {
    this.form.run(this.session.login(this.email, this.password), () => this.done(),
      (problem) => (problem.status === 401 ? t.account.badCredentials : undefined));
  }

  protected safeVolta(): string { return safeReturn(this.volta()); }

  protected done(): void { void this.router.navigateByUrl(this.safeVolta()); }
}
