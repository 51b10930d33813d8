import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { CinemasApi, ShowtimesApi } from '../api/api.services';
import { Showtime } from '../api/models';
import { t } from '../i18n/pt-BR';
import { formatDayLabel, formatTime, nextDays } from '../shared/format/format';

interface MovieGroup { movieId: number; title: string; showtimes: Showtime[]; }

@Component({
  selector: 'mq-home',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t.home.title }}</h1>
    <div class="row" role="group" [attr.aria-label]="t.home.dates">
      @for (d of days; track d; let i = $index) {
        <button type="button" class="btn-secondary day" [attr.aria-pressed]="d === day()" (click)="pick(d)">
          {{ i === 0 ? t.home.today : dayLabel(d) }}
        </button>
      }
    </div>
    <div class="field">
      <label for="cinema">{{ t.home.cinema }}</label>
      <select id="cinema" [value]="cinema()" (change)="cinema.set($any($event.target).value)">
        <option value="">{{ t.home.allCinemas }}</option>
        @for (c of cinemas(); track c.id) { <option [value]="c.id">{{ c.name }} — {{ c.neighbourhood }}</option> }
      </select>
    </div>
    @if (loading()) { <p aria-live="polite">{{ t.common.loading }}</p> }
    @else if (error()) { <p role="alert" class="error">{{ t.common.genericError }}</p> }
    @else if (movies().length === 0) { <p>{{ t.home.empty }}</p> }
    <ul class="plain grid">
      @for (m of movies(); track m.movieId) {
        <li class="card">
          <h2><a [routerLink]="['/filmes', m.movieId]" [queryParams]="{ data: day() }">{{ m.title }}</a></h2>
          <p class="muted">{{ t.home.sessions(m.showtimes.length) }} · {{ times(m) }}</p>
        </li>
      }
    </ul>
  `,
  styles: `
    .day[aria-pressed='true'] { background: var(--color-accent); color: var(--color-on-accent); border-color: var(--color-accent); }
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: var(--space-3); margin-top: var(--space-4); }
    h2 { margin-top: 0; }
  `,
})
export class HomePage {
  readonly data = input<string>();
  private readonly showtimesApi = inject(ShowtimesApi);
  private readonly router = inject(Router);
  protected readonly t = t;
  protected readonly days = nextDays(new Date(), 7);
  protected readonly day = signal(this.days[0]);
  protected readonly cinema = signal('');
  protected readonly cinemas = toSignal(inject(CinemasApi).list(), { initialValue: [] });
  protected readonly showtimes = signal<Showtime[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal(false);
  protected readonly dayLabel = formatDayLabel;

  protected readonly movies = computed<MovieGroup[]>(() => {
    const groups = new Map<number, MovieGroup>();
    for (const s of this.showtimes()) {
      const g = groups.get(s.movieId) ?? { movieId: s.movieId, title: s.movieTitle, showtimes: [] };
      g.showtimes.push(s);
      groups.set(s.movieId, g);
    }
    return [...groups.values()].sort((a, b) => a.title.localeCompare(b.title, 'pt-BR'));
  });

  constructor() {
    effect(() => {
      const d = this.data();
      if (d && this.days.includes(d)) this.day.set(d);
    });
    effect((onCleanup) => {
      const date = this.day();
      const cinemaId = this.cinema() || undefined;
      this.loading.set(true);
      this.error.set(false);
      const sub = this.showtimesApi.list({ date, cinemaId }).subscribe({
        next: (list) => { this.showtimes.set(list); this.loading.set(false); },
        error: () => { this.error.set(true); this.loading.set(false); },
      });
      onCleanup(() => sub.unsubscribe());
    });
  }

  protected pick(d: string): void {
    this.day.set(d);
    void this.router.navigate([], { queryParams: { data: d }, replaceUrl: true });
  }

  protected times(m: MovieGroup): string {
    return m.showtimes.map((s) => formatTime(s.startsAt)).slice(0, 6).join(', ');
  }
}
