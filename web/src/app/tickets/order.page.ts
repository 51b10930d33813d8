import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, input, signal } from '@angular/core';
import { OrdersApi, ProductsApi } from '../api/api.services';
import { FINAL_STATUSES, Order } from '../api/models';
import { problemMessage, toProblem } from '../api/problem';
import { t } from '../i18n/pt-BR';
import { formatDateTime, formatMoney } from '../shared/format/format';
import { ProblemComponent } from '../shared/ui/field-error.component';
import { OrderStatusComponent } from '../shared/ui/order-status.component';
import { QrCodeComponent } from './qr-code.component';

@Component({
  selector: 'mq-order',
  imports: [OrderStatusComponent, QrCodeComponent, ProblemComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t.order.title }}</h1>
    @if (order(); as o) {
      <div aria-live="polite" aria-atomic="true">
        <p>{{ t.order.status }}: <mq-order-status [status]="o.status" /></p>
        @if (o.status === 'Refused') { <p class="error">{{ t.order.refused }}</p> }
        @if (o.status === 'Approved') { <p class="success">{{ t.order.approved }}</p> }
      </div>
      <p>{{ t.order.total }}: <strong>{{ money(o.amountCents) }}</strong> · <span class="muted">{{ t.order.createdAt }} {{ when(o.createdAt) }}</span></p>
      @if (o.status === 'Pending') {
        <button type="button" class="btn-secondary" [disabled]="busy()" (click)="cancel()">{{ t.order.cancel }}</button>
      }
      @if (o.tickets.length) {
        <h2>{{ t.order.tickets }}</h2>
        <ul class="plain tickets">
          @for (tk of o.tickets; track tk.seat) {
            <li class="card">
              <p><strong>{{ t.checkout.ticketFor(tk.seat) }}</strong> · {{ tk.type === 'half' ? t.checkout.half : t.checkout.full }} · {{ money(tk.priceCents) }}</p>
              @if (tk.code) {
                <p>{{ t.order.code(tk.code) }}</p>
                <mq-qr-code [code]="tk.code" [alt]="t.order.qrAlt(tk.seat, tk.code)" />
              }
            </li>
          }
        </ul>
      }
      @if (o.items.length) {
        <h2>{{ t.order.items }}</h2>
        <ul class="plain">
          @for (it of o.items; track it.productId) {
            <li class="card">
              <p>{{ it.quantity }} × {{ it.name }} · {{ money(it.unitPriceCents) }}</p>
              @if (o.status === 'Approved') {
                @if (rated()[it.productId]) { <p class="success" role="status">{{ t.order.rated }}</p> }
                @else {
                  <div class="row">
                    <div class="field"><label [for]="'stars-' + it.productId">{{ t.order.stars(it.name) }}</label>
                      <select [id]="'stars-' + it.productId" (change)="stars[it.productId] = +$any($event.target).value">
                        @for (n of [5, 4, 3, 2, 1]; track n) { <option [value]="n">{{ n }}</option> }
                      </select></div>
                    <button type="button" class="btn-secondary" (click)="rate(o.id, it.productId)">{{ t.order.sendRating(it.name) }}</button>
                  </div>
                }
              }
            </li>
          }
        </ul>
      }
    } @else if (!problem()) { <p>{{ t.common.loading }}</p> }
    <mq-problem [message]="problem()" />
  `,
  styles: `.tickets { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: var(--space-3); }`,
})
export class OrderPage {
  readonly orderId = input.required<string>();
  private readonly api = inject(OrdersApi);
  private readonly products = inject(ProductsApi);
  protected readonly t = t;
  protected readonly money = formatMoney;
  protected readonly when = formatDateTime;
  protected readonly order = signal<Order | null>(null);
  protected readonly problem = signal<string | undefined>(undefined);
  protected readonly busy = signal(false);
  protected readonly rated = signal<Record<number, boolean>>({});
  protected readonly stars: Record<number, number> = {};
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
    effect(() => {
      const id = this.orderId();
      clearTimeout(this.timer);
      this.poll(id);
    });
  }

  /** Polls about once a second until the order reaches a final status. */
  private poll(id: string): void {
    this.api.get(id).subscribe({
      next: (o) => {
        this.order.set(o);
        if (!FINAL_STATUSES.includes(o.status)) this.timer = setTimeout(() => this.poll(id), 1000);
      },
      error: (err) => {
        const p = toProblem(err);
        if (p.status && p.status >= 500) this.timer = setTimeout(() => this.poll(id), 2000);
        else this.problem.set(problemMessage(p));
      },
    });
  }

  protected cancel(): void {
    this.busy.set(true);
    this.api.cancel(this.orderId()).subscribe({
      next: (o) => { this.busy.set(false); if (o && o.status) this.order.set(o); },
      error: (err) => { this.busy.set(false); this.problem.set(problemMessage(toProblem(err))); },
    });
  }

  protected rate(orderId: string, productId: number): void {
    this.products.rate(productId, orderId, this.stars[productId] ?? 5).subscribe({
      next: () => this.rated.update((r) => ({ ...r, [productId]: true })),
      error: (err) => this.problem.set(problemMessage(toProblem(err))),
    });
  }
}
