import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { UsersApi } from '../api/api.services';
import { Session } from '../auth/session';
import { t } from '../i18n/pt-BR';
import { FormSubmission } from '../shared/form-submission';
import { FieldErrorComponent, ProblemComponent } from '../shared/ui/field-error.component';

@Component({
  selector: 'mq-profile',
  imports: [FormsModule, FieldErrorComponent, ProblemComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t.account.profileTitle }}</h1>
    @if (session.user(); as u) { <p class="muted">{{ u.email }}</p> }
    <form (ngSubmit)="save()" novalidate aria-labelledby="profile-h">
      <h2 id="profile-h">{{ t.account.name }}</h2>
      <div class="field"><label for="name">{{ t.account.name }}</label>
        <input id="name" name="displayName" autocomplete="name" required [(ngModel)]="name" [attr.aria-describedby]="errors()['displayName'] ? 'name-error' : null" />
        <mq-field-error id="name-error" [message]="errors()['displayName']" /></div>
      <button type="submit" class="btn">{{ t.account.save }}</button>
      @if (saved()) { <p role="status" class="success">{{ t.account.saved }}</p> }
      <mq-problem [message]="problem()" />
    </form>
    <form (ngSubmit)="changePassword()" novalidate aria-labelledby="pw-h">
      <h2 id="pw-h">{{ t.account.changePassword }}</h2>
      <div class="field"><label for="current">{{ t.account.currentPassword }}</label>
        <input id="current" name="currentPassword" type="password" autocomplete="current-password" [(ngModel)]="current" [attr.aria-describedby]="pwErrors()['currentPassword'] ? 'cur-error' : null" />
        <mq-field-error id="cur-error" [message]="pwErrors()['currentPassword']" /></div>
      <div class="field"><label for="new">{{ t.account.newPassword }}</label>
        <input id="new" name="newPassword" type="password" autocomplete="new-password" minlength="8" [(ngModel)]="next" [attr.aria-describedby]="pwErrors()['newPassword'] ? 'new-error' : null" />
        <mq-field-error id="new-error" [message]="pwErrors()['newPassword']" /></div>
      <button type="submit" class="btn">{{ t.account.changePassword }}</button>
      @if (pwDone()) { <p role="status" class="success">{{ t.account.passwordChanged }}</p> }
      <mq-problem [message]="pwProblem()" />
    </form>
  `,
})
export class ProfilePage {
  protected readonly session = inject(Session);
  private readonly users = inject(UsersApi);
  protected readonly t = t;
  protected name = '';
  protected current = '';
  protected next = '';
  protected readonly saved = signal(false);
  protected readonly pwDone = signal(false);
  private readonly profileForm = new FormSubmission();
  private readonly passwordForm = new FormSubmission();
  protected readonly problem = this.profileForm.problem;
  protected readonly errors = this.profileForm.errors;
  protected readonly pwProblem = this.passwordForm.problem;
  protected readonly pwErrors = this.passwordForm.errors;

  constructor() {
    effect(() => { const u = this.session.user(); if (u && !this.name) this.name = u.displayName; });
    if (!this.session.user()) this.users.me().subscribe({ next: (u) => this.session.user.set(u) });
  }

  protected save(): void {
    this.saved.set(false);
    this.profileForm.run(this.users.updateMe(this.name), (user) => { this.session.user.set(user); this.saved.set(true); });
  }

  protected changePassword(): void {
    this.pwDone.set(false);
    this.passwordForm.run(this.users.changePassword(this.current, this.next), () => { this.pwDone.set(true); this.current = ''; this.next = ''; });
  }
}
