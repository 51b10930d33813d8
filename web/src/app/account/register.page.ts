import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { switchMap } from 'rxjs';
import { AuthApi } from '../api/api.services';
import { Session } from '../auth/session';
import { t } from '../i18n/pt-BR';
import { FormSubmission } from '../shared/form-submission';
import { FieldErrorComponent, ProblemComponent } from '../shared/ui/field-error.component';
import { safeReturn } from '../auth/return-path';

@Component({
  selector: 'mq-register',
  imports: [FormsModule, RouterLink, FieldErrorComponent, ProblemComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t.account.registerTitle }}</h1>
    <form (ngSubmit)="submit()" novalidate>
      <div class="field"><label for="name">{{ t.account.name }}</label>
        <input id="name" name="displayName" autocomplete="name" required [(ngModel)]="name" [attr.aria-describedby]="errors()['displayName'] ? 'name-error' : null" [attr.aria-invalid]="!!errors()['displayName']" />
        <mq-field-error id="name-error" [message]="errors()['displayName']" /></div>
      <div class="field"><label for="email">{{ t.account.email }}</label>
        <input id="email" name="email" type="email" autocomplete="email" required [(ngModel)]="email" [attr.aria-describedby]="errors()['email'] ? 'email-error' : null" [attr.aria-invalid]="!!errors()['email']" />
        <mq-field-error id="email-error" [message]="errors()['email']" /></div>
      <div class="field"><label for="password">{{ t.account.password }}</label>
        <input id="password" name="password" type="password" autocomplete="new-password" required minlength="8" [(ngModel)]="password" [attr.aria-describedby]="errors()['password'] ? 'password-error' : null" [attr.aria-invalid]="!!errors()['password']" />
        <mq-field-error id="password-error" [message]="errors()['password']" /></div>
      <button type="submit" class="btn" [disabled]="busy()">{{ t.account.register }}</button>
      <mq-problem [message]="problem()" />
    </form>
    <p><a routerLink="/entrar">{{ t.account.haveAccount }}</a></p>
  `,
})
export class RegisterPage {
  readonly volta = input<string>();
  private readonly auth = inject(AuthApi);
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  protected readonly t = t;
  protected name = '';
  protected email = '';
  protected password = '';
  private readonly form = new FormSubmission();
  protected readonly busy = this.form.busy;
  protected readonly problem = this.form.problem;
  protected readonly errors = this.form.errors;

  protected submit(): void {
    this.form.run(this.auth.register(this.email, this.password, this.name).pipe(switchMap(() => this.session.login(this.email, this.password))),
      () => void this.router.navigateByUrl(safeReturn(this.volta())));
  }
}
