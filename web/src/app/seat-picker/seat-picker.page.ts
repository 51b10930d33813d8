import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { ShowtimesApi } from '../api/api.services';
import { Hold, HoldRequest, SeatChanges, SeatKind, SeatMap, Showtime } from '../api/models';

type HoldKind = Exclude<SeatKind, 'blocked'>;
import { problemMessage, toProblem } from '../api/problem';
import { TokenStore } from '../auth/token-store';
import { t } from '../i18n/pt-BR';
import { formatDateTime } from '../shared/format/format';
import { CountdownComponent } from '../shared/ui/countdown.component';
import { ProblemComponent } from '../shared/ui/field-error.component';
import { SeatMapComponent } from '../shared/ui/seat-map.component';
import { HoldStore } from './hold-store';
import { applyChanges, applySnapshot } from './seat-map-state';

@Component({
  selector: 'mq-seat-picker',
  imports: [SeatMapComponent, CountdownComponent, ProblemComponent, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t.seats.title }}</h1>
    <!-- Nothing is drawn below the title until the showtime and its map are both here, so nothing shifts when they arrive. -->
    @if (showtime() && map()) {
    @let s = showtime()!;
    <p>{{ s.movieTitle }} · {{ s.cinemaName }} · {{ s.auditoriumName }} · {{ when(s.startsAt) }} · {{ t.formats[s.format] ?? s.format }} · {{ t.audio[s.audio] ?? s.audio }}</p>
    <section [attr.aria-label]="t.seats.legend">
      <h2 class="visually-hidden">{{ t.seats.legend }}</h2>
      <ul class="plain row legend">
        @for (k of kinds; track k) { <li><span class="sw kind-{{ k }}" aria-hidden="true"></span>{{ t.seatKinds[k] }}</li> }
        <li><span class="sw taken" aria-hidden="true"></span>{{ t.seatStatuses['held'] }} / {{ t.seatStatuses['sold'] }}</li>
        <li><span class="sw sel" aria-hidden="true"></span>{{ t.seats.selected }}</li>
      </ul>
    </section>
    <mq-seat-map [seats]="map()!.seats" [selected]="hold()?.seats ?? selected()" (toggle)="toggle($event)" />

    @if (!map()!.salesOpen) {
      <p role="status" class="card">{{ t.seats.salesClosed }}</p>
    } @else if (hold(); as h) {
      <section class="card" aria-labelledby="hold-title">
        <h2 id="hold-title">{{ t.seats.held(h.seats.join(', ')) }}</h2>
        <mq-countdown [until]="h.expiresAt" (expired)="expire()" />
        <div class="row">
          <button type="button" class="btn-secondary" (click)="release()">{{ t.seats.release }}</button>
          <a class="btn" [routerLink]="['/sessoes', showtimeId(), 'checkout']">{{ t.seats.continue }}</a>
        </div>
      </section>
    } @else {
      @if (expired()) { <p role="status">{{ t.seats.expired }}</p> }
      <section class="card">
        <p aria-live="polite">{{ selected().length ? t.seats.selectedList(selected().join(', ')) : t.seats.none }}</p>
        <button type="button" class="btn" [disabled]="!selected().length || busy()" (click)="holdNamed()">{{ t.seats.hold }}</button>
      </section>
      <section class="card" aria-labelledby="best-title">
        <h2 id="best-title">{{ t.seats.best }}</h2>
        <div class="row">
          <div class="field"><label for="qty">{{ t.seats.quantity }}</label>
            <input id="qty" type="number" min="1" max="10" [value]="quantity()" (input)="quantity.set($any($event.target).valueAsNumber)" /></div>
          <div class="field"><label for="kind">{{ t.seats.kind }}</label>
            <select id="kind" (change)="kind.set($any($event.target).value)">
              @for (k of holdKinds; track k) { <option [value]="k">{{ t.seatKinds[k] }}</option> }
            </select></div>
        </div>
        <button type="button" class="btn" [disabled]="busy()" (click)="holdBest()">{{ t.seats.chooseBest }}</button>
      </section>
    }
    } @else if (!problem()) { <p aria-live="polite">{{ t.common.loading }}</p> }
    <mq-problem [message]="problem()" />
  `,
  styles: `
    .legend { gap: var(--space-4); margin-bottom: var(--space-4); font-size: var(--text-sm); }
    .sw { display: inline-block; width: 14px; height: 14px; border-radius: 3px; margin-right: var(--space-1); vertical-align: middle; }
    .kind-standard { background: var(--seat-standard); } .kind-premium { background: var(--seat-premium); }
    .kind-wheelchair { background: var(--seat-wheelchair); } .kind-companion { background: var(--seat-companion); }
    .kind-blocked { background: var(--seat-blocked); border: 1px solid var(--color-border); } .taken { background: var(--seat-taken); } .sel { background: var(--seat-selected); }
    a.btn { text-decoration: none; display: inline-flex; align-items: center; }
    section.card { margin-top: var(--space-4); }
  `,
})
export class SeatPickerPage {
  readonly showtimeId = input.required<string>();
  private readonly api = inject(ShowtimesApi);
  private readonly holds = inject(HoldStore);
  private readonly tokens = inject(TokenStore);
  private readonly router = inject(Router);
  protected readonly t = t;
  protected readonly kinds = ['standard', 'premium', 'wheelchair', 'companion', 'blocked'];
  protected readonly holdKinds: readonly HoldKind[] = ['standard', 'premium', 'wheelchair', 'companion'];
  protected readonly when = formatDateTime;
  protected readonly showtime = signal<Showtime | null>(null);
  protected readonly map = signal<SeatMap | null>(null);
  protected readonly selected = signal<string[]>([]);
  protected readonly hold = signal<Hold | null>(null);
  protected readonly problem = signal<string | undefined>(undefined);
  protected readonly busy = signal(false);
  protected readonly expired = signal(false);
  protected readonly quantity = signal(2);
  protected readonly kind = signal<HoldKind>('standard');

  constructor() {
    effect((onCleanup) => {
      const id = this.showtimeId();
      this.hold.set(this.holds.get(id));
      const a = this.api.get(id).subscribe({ next: (s) => this.showtime.set(s), error: () => this.problem.set(t.common.notFound) });
      const b = this.api.seats(id).subscribe({ next: (m) => this.map.update((cur) => applySnapshot(cur, m)) });
      let source: EventSource | null = null;
      if (typeof EventSource !== 'undefined') {
        source = new EventSource(this.api.seatStreamUrl(id));
        source.addEventListener('snapshot', (e) => this.map.update((cur) => applySnapshot(cur, JSON.parse((e as MessageEvent).data) as SeatMap)));
        source.addEventListener('seats', (e) => this.map.update((cur) => applyChanges(cur, JSON.parse((e as MessageEvent).data) as SeatChanges)));
      }
      onCleanup(() => { a.unsubscribe(); b.unsubscribe(); source?.close(); });
    });
  }

  protected toggle(seat: string): void {
    if (this.hold()) return;
    this.problem.set(undefined);
    this.selected.update((list) => {
      if (list.includes(seat)) return list.filter((s) => s !== seat);
      if (list.length >= 10) { this.problem.set(t.seats.maxSeats); return list; }
      return [...list, seat];
    });
  }

  protected holdNamed(): void { this.placeHold({ seats: this.selected() }); }
  protected holdBest(): void { this.placeHold({ quantity: this.quantity() || 0, seatKind: this.kind() }); }

  private placeHold(body: HoldRequest): void {
    if (!this.tokens.tokens()) {
      void this.router.navigate(['/entrar'], { queryParams: { volta: this.router.url } });
      return;
    }
    this.busy.set(true);
    this.problem.set(undefined);
    this.expired.set(false);
    const id = this.showtimeId();
    this.api.hold(id, body).subscribe({
      next: (h) => { this.busy.set(false); this.hold.set(h); this.holds.set(id, h); this.selected.set([]); },
      error: (err) => {
        this.busy.set(false);
        const p = toProblem(err);
        this.problem.set(p.status === 409 && p.seats?.length ? t.seats.unavailable(p.seats.join(', ')) : problemMessage(p));
        if (p.status === 409 && p.seats) this.selected.update((list) => list.filter((s) => !p.seats!.includes(s)));
      },
    });
  }

  protected release(): void {
    const h = this.hold();
    if (!h) return;
    const id = this.showtimeId();
    this.api.release(id, h.holdId).subscribe({
      next: () => { this.hold.set(null); this.holds.clear(id); },
      error: (err) => { this.problem.set(problemMessage(toProblem(err))); this.hold.set(null); this.holds.clear(id); },
    });
  }

  protected expire(): void {
    this.hold.set(null);
    this.holds.clear(this.showtimeId());
    this.expired.set(true);
  }
}
