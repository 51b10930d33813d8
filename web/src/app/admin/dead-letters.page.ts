import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { AdminApi } from '../api/admin.api';
import { Order, Pagination } from '../api/models';
import { messageOf } from '../api/problem';
import { t } from '../i18n/pt-BR';
import { formatDateTime, formatMoney } from '../shared/format/format';
import { ProblemComponent } from '../shared/ui/field-error.component';
import { PagerComponent } from '../shared/ui/pager.component';

/** Orders whose payment failed after every retry: what failed and why, and retrying one. */
@Component({
  selector: 'mq-admin-dead-letters',
  imports: [PagerComponent, ProblemComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t.admin.deadLettersTitle }}</h1>
    <p class="muted">{{ t.admin.deadLettersIntro }}</p>
    <mq-problem [message]="problem()" />
    @if (retried(); as r) { <p role="status" class="success">{{ t.admin.retried(r.id, t.order.statuses[r.status] ?? r.status) }}</p> }
    @if (orders(); as list) {
      @if (list.length === 0) { <p>{{ t.admin.noDeadLetters }}</p> }
      <ul class="plain">
        @for (o of list; track o.id) {
          <li class="card">
            <p><strong>{{ o.id }}</strong> · {{ money(o.amountCents) }} · {{ when(o.updatedAt) }}</p>
            <p>{{ t.admin.failure }}: {{ o.failure ?? '—' }}</p>
            <button type="button" class="btn" [disabled]="busy() === o.id" (click)="retry(o)">{{ t.admin.retry(o.id) }}</button>
          </li>
        }
      </ul>
      <mq-pager [pagination]="pagination()" (page)="page.set($event)" />
    } @else { <p aria-live="polite">{{ t.common.loading }}</p> }
  `,
})
export class DeadLettersPage {
  protected readonly t = t;
  private readonly api = inject(AdminApi);
  protected readonly money = formatMoney;
  protected readonly when = formatDateTime;
  protected readonly page = signal(1);
  protected readonly orders = signal<Order[] | null>(null);
  protected readonly pagination = signal<Pagination | null>(null);
  protected readonly busy = signal<string | null>(null);
  protected readonly retried = signal<Order | null>(null);
  protected readonly problem = signal<string | undefined>(undefined);

  constructor() {
    effect((onCleanup) => {
      const sub = this.api.deadLetters(this.page()).subscribe({
        next: (res) => { this.orders.set(res.data); this.pagination.set(res.pagination); },
        error: (e) => this.problem.set(messageOf(e)),
      });
      onCleanup(() => sub.unsubscribe());
    });
  }

  protected retry(o: Order): void {
    this.busy.set(o.id);
    this.problem.set(undefined);
    this.api.retry(o.id).subscribe({
      // The order answers with its new state; the list (a read model) may lag behind it for a moment.
      next: (order) => {
        this.busy.set(null);
        this.retried.set(order);
        if (!order.deadLettered) this.orders.update((list) => list?.filter((o) => o.id !== order.id) ?? null);
      },
      error: (e) => { this.busy.set(null); this.problem.set(messageOf(e)); },
    });
  }
}
