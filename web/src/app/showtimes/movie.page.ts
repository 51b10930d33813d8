import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MoviesApi, ShowtimesApi } from '../api/api.services';
import { Movie, Showtime } from '../api/models';
import { t } from '../i18n/pt-BR';
import { formatDayLabel, formatMoney, formatTime, nextDays } from '../shared/format/format';

interface Variant { key: string; format: string; audio: string; showtimes: Showtime[]; }
interface CinemaGroup { cinemaName: string; variants: Variant[]; }

@Component({
  selector: 'mq-movie',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (movie(); as m) {
      <h1>{{ m.title }}</h1>
      @if (m.runtimeMinutes) { <p class="muted">{{ t.movie.runtime(m.runtimeMinutes) }}</p> }
    } @else if (error()) { <h1>{{ t.common.notFound }}</h1> }
    @else { <h1>{{ t.common.loading }}</h1> }
    <h2>{{ t.movie.showtimes }} — {{ dayLabel(day()) }}</h2>
    @if (groups().length === 0 && !loading()) { <p>{{ t.movie.empty }}</p> }
    @for (g of groups(); track g.cinemaName) {
      <section class="card" [attr.aria-label]="g.cinemaName">
        <h3>{{ g.cinemaName }}</h3>
        @for (v of g.variants; track v.key) {
          <div class="variant">
            <p><strong>{{ t.formats[v.format] ?? v.format }} · {{ t.audio[v.audio] ?? v.audio }}</strong>
              <span class="muted"> — {{ prices(v.showtimes[0]) }}</span></p>
            <ul class="plain row">
              @for (s of v.showtimes; track s.id) {
                <li><a class="btn-secondary time" [routerLink]="['/sessoes', s.id]" [attr.aria-label]="t.movie.session(time(s.startsAt)) + ', ' + g.cinemaName">{{ time(s.startsAt) }}</a></li>
              }
            </ul>
          </div>
        }
      </section>
    }
  `,
  styles: `.time { display: inline-flex; align-items: center; text-decoration: none; } h3 { margin: 0 0 var(--space-2); }`,
})
export class MoviePage {
  readonly movieId = input.required<string>();
  readonly data = input<string>();
  private readonly moviesApi = inject(MoviesApi);
  private readonly showtimesApi = inject(ShowtimesApi);
  protected readonly t = t;
  protected readonly time = formatTime;
  protected readonly dayLabel = formatDayLabel;
  protected readonly movie = signal<Movie | null>(null);
  protected readonly error = signal(false);
  protected readonly loading = signal(true);
  protected readonly showtimes = signal<Showtime[]>([]);
  protected readonly day = computed(() => this.data() || nextDays(new Date(), 1)[0]);

  protected readonly groups = computed<CinemaGroup[]>(() => {
    const byCinema = new Map<string, Map<string, Variant>>();
    for (const s of [...this.showtimes()].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
      const variants = byCinema.get(s.cinemaName) ?? new Map<string, Variant>();
      const key = `${s.format}|${s.audio}`;
      const v = variants.get(key) ?? { key, format: s.format, audio: s.audio, showtimes: [] };
      v.showtimes.push(s);
      variants.set(key, v);
      byCinema.set(s.cinemaName, variants);
    }
    return [...byCinema.entries()]
      .sort(([a], [b]) => a.localeCompare(b, 'pt-BR'))
      .map(([cinemaName, variants]) => ({ cinemaName, variants: [...variants.values()] }));
  });

  constructor() {
    effect((onCleanup) => {
      const id = Number(this.movieId());
      const date = this.day();
      this.loading.set(true);
      const a = this.moviesApi.get(id).subscribe({ next: (m) => this.movie.set(m), error: () => this.error.set(true) });
      const b = this.showtimesApi.list({ movieId: id, date }).subscribe({
        next: (list) => { this.showtimes.set(list); this.loading.set(false); },
        error: () => this.loading.set(false),
      });
      onCleanup(() => { a.unsubscribe(); b.unsubscribe(); });
    });
  }

  protected prices(s: Showtime): string {
    return s.prices
      .map((p) => `${t.seatKinds[p.seatKind] ?? p.seatKind} ${formatMoney(p.fullCents)} (${t.checkout.half} ${formatMoney(p.halfCents)})`)
      .join(' · ');
  }
}
