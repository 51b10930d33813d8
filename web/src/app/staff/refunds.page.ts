import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { Order } from '../api/models';
import { StaffApi } from '../api/staff.api';
import { t } from '../i18n/pt-BR';
import { formatDateTime, formatMoney } from '../shared/format/format';
import { FormSubmission } from '../shared/form-submission';
import { ProblemComponent } from '../shared/ui/field-error.component';
import { OrderStatusComponent } from '../shared/ui/order-status.component';

/** Finds an order by its number and refunds it when it was approved. */
@Component({
  selector: 'mq-staff-refunds',
  imports: [ProblemComponent, OrderStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t.staff.refundsTitle }}</h1>
    <form class="row find" (submit)="find($event)" novalidate>
      <div class="field"><label for="order-id">{{ t.staff.orderId }}</label>
        <input id="order-id" name="orderId" required autocomplete="off" /></div>
      <button type="submit" class="btn-secondary">{{ t.staff.find }}</button>
    </form>
    <mq-problem [message]="findProblem()" />
    @if (order(); as o) {
      <section class="card" aria-labelledby="order-title">
        <h2 id="order-title">{{ t.staff.orderOf(when(o.createdAt), money(o.amountCents)) }}</h2>
        <p>{{ t.order.status }}: <mq-order-status [status]="o.status" /></p>
        <ul>
          @for (ticket of o.tickets; track ticket.seat) { <li>{{ t.checkout.ticketFor(ticket.seat) }} · {{ money(ticket.priceCents) }}</li> }
          @for (item of o.items; track item.productId) { <li>{{ item.quantity }} × {{ item.name }}</li> }
        </ul>
        @if (o.status === 'Approved') {
          <button type="button" class="btn" [disabled]="busy()" (click)="refund(o)">{{ t.staff.refund }}</button>
        } @else if (o.status === 'Refunded') {
          <p role="status" class="success">{{ t.staff.refunded }}</p>
        } @else { <p>{{ t.staff.notRefundable }}</p> }
        <mq-problem [message]="problem()" />
      </section>
    }
  `,
  styles: `.find { align-items: flex-end; gap: var(--space-3); } .find .field { margin-bottom: 0; min-width: min(24rem, 100%); }`,
})
export class RefundsPage {
  protected readonly t = t;
  private readonly staff = inject(StaffApi);
  protected readonly money = formatMoney;
  protected readonly when = formatDateTime;
  protected readonly order = signal<Order | null>(null);
  private readonly finder = new FormSubmission();
  protected readonly findProblem = this.finder.problem;
  private readonly form = new FormSubmission();
  protected readonly busy = this.form.busy;
  protected readonly problem = this.form.problem;

  protected find(event: Event): void {
    event.preventDefault();
    const id = ((event.target as HTMLFormElement).elements.namedItem('orderId') as HTMLInputElement).value.trim();
    this.order.set(null);
    this.finder.run(this.staff.order(id), (o) => this.order.set(o), (p) => (p.status === 404 || p.status === 400 ? t.common.notFound : undefined));
  }

  protected refund(o: Order): void {
    this.form.run(this.staff.refund(o.id), (refunded) => this.order.set(refunded));
  }
}
