import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { OrdersApi, ShowtimesApi } from '../api/api.services';
import { Hold, Product, SeatMap, Showtime } from '../api/models';
import { problemMessage, toProblem } from '../api/problem';
import { t } from '../i18n/pt-BR';
import { HoldStore } from '../seat-picker/hold-store';
import { formatMoney } from '../shared/format/format';
import { newUuid } from '../shared/format/uuid';
import { CountdownComponent } from '../shared/ui/countdown.component';
import { ProblemComponent } from '../shared/ui/field-error.component';

type TicketType = 'full' | 'half';

@Component({
  selector: 'mq-checkout',
  imports: [RouterLink, CountdownComponent, ProblemComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t.checkout.title }}</h1>
    @if (hold(); as h) {
      @if (showtime(); as s) { <p>{{ s.movieTitle }} · {{ s.cinemaName }}</p> }
      <mq-countdown [until]="h.expiresAt" (expired)="expire()" />
      <section aria-labelledby="tickets-title">
        <h2 id="tickets-title">{{ t.checkout.tickets }}</h2>
        <p class="muted" id="half-info">{{ t.checkout.halfInfo }}</p>
        @for (seat of h.seats; track seat) {
          <fieldset class="card" aria-describedby="half-info">
            <legend>{{ t.checkout.ticketFor(seat) }}</legend>
            <label><input type="radio" [name]="'type-' + seat" value="full" [checked]="types()[seat] !== 'half'" (change)="setType(seat, 'full')" /> {{ t.checkout.full }} ({{ money(price(seat, 'full')) }})</label>
            <label><input type="radio" [name]="'type-' + seat" value="half" [checked]="types()[seat] === 'half'" (change)="setType(seat, 'half')" /> {{ t.checkout.half }} ({{ money(price(seat, 'half')) }})</label>
          </fieldset>
        }
      </section>
      @if (offers().length) {
        <section aria-labelledby="offers-title">
          <h2 id="offers-title">{{ t.checkout.offers }}</h2>
          <ul class="plain offers">
            @for (p of offers(); track p.id) {
              <li class="card offer">
                @if (p.imageUrl) { <img [src]="p.imageUrl" alt="" width="64" height="64" loading="lazy" /> }
                <div class="grow"><strong>{{ p.name }}</strong> <span class="muted">{{ money(p.priceCents) }}</span></div>
                <div class="row stepper">
                  <button type="button" class="btn-secondary" [attr.aria-label]="t.checkout.decrease(p.name)" (click)="step(p, -1)">−</button>
                  <label class="visually-hidden" [for]="'q-' + p.id">{{ t.checkout.quantityOf(p.name) }}</label>
                  <input [id]="'q-' + p.id" type="number" min="0" max="20" [value]="qty()[p.id] ?? 0" (input)="setQty(p, $any($event.target).value)" />
                  <button type="button" class="btn-secondary" [attr.aria-label]="t.checkout.increase(p.name)" (click)="step(p, 1)">+</button>
                </div>
              </li>
            }
          </ul>
        </section>
      }
      <section class="card" aria-labelledby="summary-title">
        <h2 id="summary-title">{{ t.checkout.summary }}</h2>
        <p>{{ t.checkout.preview }}: <strong>{{ money(preview()) }}</strong></p>
        <p class="muted">{{ t.checkout.previewNote }}</p>
        <button type="button" class="btn" [disabled]="busy()" (click)="pay()">{{ t.checkout.pay }}</button>
        <mq-problem [message]="problem()" />
      </section>
    } @else {
      <p>{{ t.checkout.noHold }}</p>
      <a [routerLink]="['/sessoes', showtimeId()]">{{ t.checkout.backToSeats }}</a>
    }
  `,
  styles: `
    fieldset { border: 1px solid var(--color-border); display: flex; gap: var(--space-4); flex-wrap: wrap; }
    fieldset label { display: inline-flex; gap: var(--space-2); align-items: center; min-height: 44px; }
    .offer { display: flex; gap: var(--space-3); align-items: center; flex-wrap: wrap; }
    .offer img { border-radius: var(--radius); object-fit: cover; }
    .grow { flex: 1 1 10rem; }
    .stepper input { width: 4rem; min-height: 44px; background: var(--color-surface-2); color: var(--color-text); border: 1px solid var(--color-border); border-radius: var(--radius); text-align: center; }
  `,
})
export class CheckoutPage {
  readonly showtimeId = input.required<string>();
  private readonly holds = inject(HoldStore);
  private readonly showtimesApi = inject(ShowtimesApi);
  private readonly ordersApi = inject(OrdersApi);
  private readonly router = inject(Router);
  protected readonly t = t;
  protected readonly money = formatMoney;
  protected readonly hold = signal<Hold | null>(null);
  protected readonly showtime = signal<Showtime | null>(null);
  protected readonly seatMap = signal<SeatMap | null>(null);
  protected readonly offers = signal<Product[]>([]);
  protected readonly types = signal<Record<string, TicketType>>({});
  protected readonly qty = signal<Record<number, number>>({});
  protected readonly busy = signal(false);
  protected readonly problem = signal<string | undefined>(undefined);
  /** One key per checkout, reused on retries so the server returns the same order. */
  private readonly idempotencyKey = newUuid();

  protected readonly preview = computed(() => {
    const h = this.hold();
    if (!h) return 0;
    const seats = h.seats.reduce((sum, seat) => sum + this.price(seat, this.types()[seat] ?? 'full'), 0);
    const items = this.offers().reduce((sum, p) => sum + p.priceCents * (this.qty()[p.id] ?? 0), 0);
    return seats + items;
  });

  constructor() {
    effect((onCleanup) => {
      const id = this.showtimeId();
      const h = this.holds.get(id);
      this.hold.set(h);
      const subs = [
        this.showtimesApi.get(id).subscribe({ next: (s) => this.showtime.set(s) }),
        this.showtimesApi.seats(id).subscribe({ next: (m) => this.seatMap.set(m) }),
        this.showtimesApi.offers(id, Math.max(1, h?.seats.length ?? 1)).subscribe({ next: (page) => this.offers.set(page.data) }),
      ];
      onCleanup(() => subs.forEach((s) => s.unsubscribe()));
    });
  }

  protected price(seat: string, type: TicketType): number {
    const kind = this.seatMap()?.seats.find((s) => s.seat === seat)?.kind ?? 'standard';
    const p = this.showtime()?.prices.find((x) => x.seatKind === kind);
    return p ? (type === 'half' ? p.halfCents : p.fullCents) : 0;
  }

  protected setType(seat: string, type: TicketType): void { this.types.update((m) => ({ ...m, [seat]: type })); }
  protected step(p: Product, delta: number): void { this.setQty(p, (this.qty()[p.id] ?? 0) + delta); }
  protected setQty(p: Product, value: number | string): void {
    const n = Math.max(0, Math.min(20, Math.floor(Number(value) || 0)));
    this.qty.update((m) => ({ ...m, [p.id]: n }));
  }

  protected expire(): void {
    this.holds.clear(this.showtimeId());
    this.hold.set(null);
  }

  protected pay(): void {
    const h = this.hold();
    if (!h) return;
    this.busy.set(true);
    this.problem.set(undefined);
    const body = {
      showtimeId: this.showtimeId(),
      holdId: h.holdId,
      tickets: h.seats.map((seat) => ({ seat, type: this.types()[seat] ?? ('full' as TicketType) })),
      items: Object.entries(this.qty()).filter(([, q]) => q > 0).map(([productId, quantity]) => ({ productId: Number(productId), quantity })),
    };
    this.ordersApi.create(body, this.idempotencyKey).subscribe({
      next: (order) => {
        this.holds.clear(this.showtimeId());
        void this.router.navigate(['/pedidos', order.id]);
      },
      error: (err) => { this.busy.set(false); this.problem.set(problemMessage(toProblem(err))); },
    });
  }
}
