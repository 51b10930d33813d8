import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { AdminApi } from '../api/admin.api';
import { Pagination, ROLES, Role, User } from '../api/models';
import { messageOf } from '../api/problem';
import { t } from '../i18n/pt-BR';
import { ProblemComponent } from '../shared/ui/field-error.component';
import { PagerComponent } from '../shared/ui/pager.component';

/** Accounts by email and role; an admin changes what roles each holds (customer always stays). */
@Component({
  selector: 'mq-admin-users',
  imports: [PagerComponent, ProblemComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t.admin.usersTitle }}</h1>
    <form class="row filters" role="search" (submit)="search($event)">
      <div class="field"><label for="u-email">{{ t.admin.email }}</label><input id="u-email" name="email" type="search" /></div>
      <div class="field"><label for="u-role">{{ t.admin.role }}</label>
        <select id="u-role" name="role">
          <option value="">{{ t.admin.anyRole }}</option>
          @for (r of roles; track r) { <option [value]="r">{{ t.admin.roles[r] }}</option> }
        </select></div>
      <button type="submit" class="btn">{{ t.library.search }}</button>
    </form>
    <mq-problem [message]="problem()" />
    @if (users(); as list) {
      @if (list.length === 0) { <p>{{ t.admin.noUsers }}</p> }
      <ul class="plain">
        @for (u of list; track u.id) {
          <li class="card">
            <form (submit)="save($event, u)">
              <fieldset>
                <legend>{{ t.admin.rolesOf(u.email) }} <span class="muted">· {{ u.displayName }}</span></legend>
                <div class="row">
                  @for (r of roles; track r) {
                    <label class="check"><input type="checkbox" [name]="r" [checked]="u.roles.includes(r)" [disabled]="r === 'customer'" /> {{ t.admin.roles[r] }}</label>
                  }
                  <button type="submit" class="btn-secondary">{{ t.admin.saveRoles(u.email) }}</button>
                </div>
              </fieldset>
            </form>
            @if (saved() === u.id) { <p role="status" class="success">{{ t.admin.rolesSaved(u.email) }}</p> }
          </li>
        }
      </ul>
      <mq-pager [pagination]="pagination()" (page)="page.set($event)" />
    } @else { <p aria-live="polite">{{ t.common.loading }}</p> }
  `,
  styles: `
    .filters { align-items: flex-end; gap: var(--space-3); } .filters .field { margin-bottom: 0; }
    fieldset { border: 0; padding: 0; margin: 0; } legend { font-weight: 600; margin-bottom: var(--space-2); }
    .check { margin-right: var(--space-3); }
  `,
})
export class UsersPage {
  protected readonly t = t;
  private readonly api = inject(AdminApi);
  protected readonly roles = ROLES;
  protected readonly query = signal<{ email: string; role: Role | '' }>({ email: '', role: '' });
  protected readonly page = signal(1);
  protected readonly users = signal<User[] | null>(null);
  protected readonly pagination = signal<Pagination | null>(null);
  protected readonly saved = signal<string | null>(null);
  protected readonly problem = signal<string | undefined>(undefined);

  constructor() {
    effect((onCleanup) => {
      const sub = this.api.users({ ...this.query(), pageNumber: this.page() }).subscribe({
        next: (res) => { this.users.set(res.data); this.pagination.set(res.pagination); },
        error: (e) => this.problem.set(messageOf(e)),
      });
      onCleanup(() => sub.unsubscribe());
    });
  }

  protected search(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    this.query.set({
      email: (form.elements.namedItem('email') as HTMLInputElement).value.trim(),
      role: (form.elements.namedItem('role') as HTMLSelectElement).value as Role | '',
    });
    this.page.set(1);
  }

  protected save(event: Event, user: User): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const roles = ROLES.filter((r) => (form.elements.namedItem(r) as HTMLInputElement).checked);
    this.problem.set(undefined);
    this.saved.set(null);
    this.api.setRoles(user.id, roles).subscribe({
      next: (updated) => {
        this.users.update((list) => list?.map((u) => (u.id === updated.id ? updated : u)) ?? null);
        this.saved.set(updated.id);
      },
      error: (e) => this.problem.set(messageOf(e)),
    });
  }
}
