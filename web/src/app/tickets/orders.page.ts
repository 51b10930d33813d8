import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { UsersApi } from '../api/api.services';
import { Order, Pagination } from '../api/models';
import { t } from '../i18n/pt-BR';
import { formatDateTime, formatMoney } from '../shared/format/format';
import { OrderStatusComponent } from '../shared/ui/order-status.component';

@Component({
  selector: 'mq-orders',
  imports: [RouterLink, OrderStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t.order.mine }}</h1>
    @if (orders(); as list) {
      @if (list.length === 0) { <p>{{ t.order.none }}</p> }
      <ul class="plain">
        @for (o of list; track o.id) {
          <li class="card"><a [routerLink]="['/pedidos', o.id]">{{ when(o.createdAt) }} · {{ money(o.amountCents) }}</a> · <mq-order-status [status]="o.status" /></li>
        }
      </ul>
      @if (pagination(); as p) {
        @if (p.totalPages > 1) {
          <nav class="row" [attr.aria-label]="t.order.page(p.pageNumber, p.totalPages)">
            <button type="button" class="btn-secondary" [disabled]="p.firstPage" (click)="page.set(p.pageNumber - 1)">{{ t.order.previous }}</button>
            <span>{{ t.order.page(p.pageNumber, p.totalPages) }}</span>
            <button type="button" class="btn-secondary" [disabled]="p.lastPage" (click)="page.set(p.pageNumber + 1)">{{ t.order.next }}</button>
          </nav>
        }
      }
    } @else { <p>{{ t.common.loading }}</p> }
  `,
})
export class OrdersPage {
  private readonly api = inject(UsersApi);
  protected readonly t = t;
  protected readonly money = formatMoney;
  protected readonly when = formatDateTime;
  protected readonly page = signal(1);
  protected readonly orders = signal<Order[] | null>(null);
  protected readonly pagination = signal<Pagination | null>(null);
  constructor() {
    effect((onCleanup) => {
      const sub = this.api.myOrders(this.page()).subscribe((res) => { this.orders.set(res.data); this.pagination.set(res.pagination); });
      onCleanup(() => sub.unsubscribe());
    });
  }
}
