import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { of } from 'rxjs';
import { CinemasApi, ShowtimesApi } from '../api/api.services';
import { Auditorium, Movie, Showtime, ShowtimeAudio, ShowtimeFormat } from '../api/models';
import { messageOf } from '../api/problem';
import { StaffApi } from '../api/staff.api';
import { t } from '../i18n/pt-BR';
import { formatDateTime, formatTime, nextDays, parseReais, saoPauloInstant } from '../shared/format/format';
import { FormSubmission } from '../shared/form-submission';
import { FieldErrorComponent, ProblemComponent } from '../shared/ui/field-error.component';
import { DayScheduleComponent } from './day-schedule.component';

type PriceKind = 'standard' | 'premium' | 'wheelchair' | 'companion';

/** Scheduling a movie in an auditorium, and the day's programme of a cinema, auditorium by auditorium. */
@Component({
  selector: 'mq-staff-showtimes',
  imports: [FieldErrorComponent, ProblemComponent, DayScheduleComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t.staff.showtimesTitle }}</h1>
    <div class="row pickers">
      <div class="field"><label for="st-cinema">{{ t.staff.cinema }}</label>
        <select id="st-cinema" (change)="pickCinema($any($event.target).value)">
          <option value="">{{ t.staff.chooseCinema }}</option>
          @for (c of cinemas(); track c.id) { <option [value]="c.id">{{ c.name }}</option> }
        </select></div>
      <div class="field"><label for="st-day">{{ t.home.dates }}</label>
        <input id="st-day" type="date" [value]="day()" (change)="day.set($any($event.target).value)" /></div>
    </div>

    <section class="card" aria-labelledby="schedule-title">
      <h2 id="schedule-title">{{ t.staff.schedule }}</h2>
      <form (submit)="schedule($event)" novalidate>
        <div class="field"><label for="st-auditorium">{{ t.staff.auditorium }}</label>
          <select id="st-auditorium" name="auditorium" [attr.aria-invalid]="!!errors()['auditoriumId']"
            [attr.aria-describedby]="errors()['auditoriumId'] ? 'st-auditorium-error' : null">
            <option value="">{{ t.staff.chooseAuditorium }}</option>
            @for (a of auditoriums(); track a.id) { <option [value]="a.id">{{ a.name }} ({{ t.staff.capacity(a.capacity) }})</option> }
          </select>
          <mq-field-error id="st-auditorium-error" [message]="errors()['auditoriumId']" /></div>

        <fieldset class="movie">
          <legend>{{ t.staff.movie }}</legend>
          <div class="row search">
            <div class="field"><label for="st-movie-search">{{ t.staff.movieSearch }}</label>
              <input id="st-movie-search" type="search" [value]="query()" (input)="query.set($any($event.target).value)" (keydown.enter)="$event.preventDefault(); findMovies()" /></div>
            <button type="button" class="btn-secondary" (click)="findMovies()">{{ t.library.search }}</button>
          </div>
          <mq-problem [message]="searchProblem()" />
          @if (results(); as found) {
            <ul class="plain results">
              @for (m of found; track m.id) {
                <li><button type="button" class="btn-secondary" [attr.aria-pressed]="movie()?.id === m.id" (click)="movie.set(m)">{{ t.staff.choose(m.title) }}@if (m.releaseDate) { ({{ m.releaseDate.slice(0, 4) }}) }</button></li>
              } @empty {
                <li role="status">{{ t.staff.noMovieFound }}</li>
              }
            </ul>
          }
          <p aria-live="polite" id="st-movie-chosen">{{ movie() ? t.staff.chosenMovie(movie()!.title) : t.staff.noMovieChosen }}</p>
          <mq-field-error id="st-movie-error" [message]="errors()['movieId']" />
        </fieldset>

        <div class="row">
          <div class="field"><label for="st-date">{{ t.staff.date }}</label>
            <input id="st-date" name="date" type="date" required [value]="day()" /></div>
          <div class="field"><label for="st-time">{{ t.staff.time }}</label>
            <input id="st-time" name="time" type="time" required value="19:00" [attr.aria-invalid]="!!errors()['startsAt']"
              [attr.aria-describedby]="errors()['startsAt'] ? 'st-time-error' : null" />
            <mq-field-error id="st-time-error" [message]="errors()['startsAt']" /></div>
          <div class="field"><label for="st-format">{{ t.staff.format }}</label>
            <select id="st-format" name="format"><option value="2D">2D</option><option value="3D">3D</option></select></div>
          <div class="field"><label for="st-audio">{{ t.staff.audio }}</label>
            <select id="st-audio" name="audio">
              <option value="dubbed">{{ t.audio['dubbed'] }}</option><option value="subtitled">{{ t.audio['subtitled'] }}</option>
            </select></div>
        </div>

        <fieldset aria-describedby="st-prices-help">
          <legend>{{ t.staff.prices }}</legend>
          <p class="muted" id="st-prices-help">{{ t.staff.pricesHelp }}</p>
          <div class="row">
            @for (k of priceKinds; track k) {
              <div class="field price"><label [for]="'st-price-' + k">{{ t.seatKinds[k] }}</label>
                <input [id]="'st-price-' + k" [name]="'price-' + k" inputmode="decimal" [value]="k === 'standard' ? '32,00' : k === 'premium' ? '48,00' : ''"
                  [attr.aria-invalid]="!!errors()['prices.' + k]" [attr.aria-describedby]="errors()['prices.' + k] ? 'st-price-' + k + '-error' : null" />
                <mq-field-error [id]="'st-price-' + k + '-error'" [message]="errors()['prices.' + k]" /></div>
            }
          </div>
          <mq-field-error id="st-prices-error" [message]="errors()['prices']" />
        </fieldset>

        <button type="submit" class="btn" [disabled]="busy()">{{ t.staff.schedule }}</button>
        <mq-problem [message]="problem()" />
        @if (scheduled(); as s) { <p role="status" class="success">{{ t.staff.scheduled(s.movieTitle, when(s.startsAt)) }}</p> }
      </form>
    </section>

    <section aria-labelledby="day-title">
      <h2 id="day-title">{{ t.staff.dayView }}</h2>
      <mq-day-schedule [auditoriums]="auditoriums()" [showtimes]="dayShowtimes()" />
    </section>
  `,
  styles: `
    .pickers { gap: var(--space-4); }
    fieldset { border: 1px solid var(--color-border); border-radius: var(--radius); margin: 0 0 var(--space-3); }
    .search { align-items: flex-end; }
    .search .field { margin-bottom: 0; }
    .results { display: flex; flex-wrap: wrap; gap: var(--space-2); margin: var(--space-2) 0; }
    .price input { max-width: 8rem; }
    .row { gap: var(--space-3); }
  `,
})
export class ShowtimesPage {
  protected readonly t = t;
  private readonly staff = inject(StaffApi);
  private readonly showtimesApi = inject(ShowtimesApi);
  protected readonly cinemas = toSignal(inject(CinemasApi).list(), { initialValue: [] });
  protected readonly priceKinds: readonly PriceKind[] = ['standard', 'premium', 'wheelchair', 'companion'];
  protected readonly when = formatDateTime;
  protected readonly cinemaId = signal('');
  protected readonly day = signal(nextDays(new Date(), 2)[1]);
  protected readonly auditoriums = signal<Auditorium[]>([]);
  protected readonly dayShowtimes = signal<Showtime[]>([]);
  protected readonly query = signal('');
  /** Null until a search ran. */
  protected readonly results = signal<Movie[] | null>(null);
  protected readonly searchProblem = signal<string | undefined>(undefined);
  protected readonly movie = signal<Movie | null>(null);
  protected readonly scheduled = signal<Showtime | null>(null);
  private readonly refresh = signal(0);
  private readonly form = new FormSubmission();
  protected readonly busy = this.form.busy;
  protected readonly problem = this.form.problem;
  protected readonly errors = this.form.errors;

  constructor() {
    effect((onCleanup) => {
      const id = this.cinemaId();
      const sub = (id ? this.staff.auditoriums(id) : of([])).subscribe((list) => this.auditoriums.set(list));
      onCleanup(() => sub.unsubscribe());
    });
    effect((onCleanup) => {
      const id = this.cinemaId();
      const date = this.day();
      this.refresh();
      const sub = (id && date ? this.showtimesApi.list({ cinemaId: id, date }) : of([])).subscribe((list) => this.dayShowtimes.set(list));
      onCleanup(() => sub.unsubscribe());
    });
  }

  protected pickCinema(id: string): void { this.cinemaId.set(id); }

  protected findMovies(): void {
    this.searchProblem.set(undefined);
    this.staff.searchCatalog(this.query().trim()).subscribe({
      next: (page) => this.results.set(page.data),
      error: (e) => { this.results.set(null); this.searchProblem.set(messageOf(e)); },
    });
  }

  protected schedule(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value;
    const prices: Partial<Record<PriceKind, number>> = {};
    const unreadable: Record<string, string> = {};
    for (const k of this.priceKinds) {
      // An empty price is left to the API (wheelchair and companion seats default to standard); a typo is not.
      const text = value(`price-${k}`).trim();
      const cents = parseReais(text);
      if (cents !== null) prices[k] = cents;
      else if (text) unreadable[`prices.${k}`] = t.common.notAnAmount;
    }
    if (Object.keys(unreadable).length > 0) {
      this.form.refuse(unreadable);
      return;
    }
    this.scheduled.set(null);
    this.form.run(this.staff.schedule({
      auditoriumId: value('auditorium'),
      movieId: this.movie()?.id ?? 0,
      startsAt: saoPauloInstant(value('date'), value('time')),
      format: value('format') as ShowtimeFormat,
      audio: value('audio') as ShowtimeAudio,
      prices,
    }), (showtime) => {
      this.scheduled.set(showtime);
      this.day.set(value('date'));
      this.refresh.update((n) => n + 1);
    }, (problem) => {
      const conflict = problem.conflictingShowtime;
      return conflict ? t.staff.overlap(conflict.movieTitle, formatDateTime(conflict.startsAt), formatTime(conflict.endsAt)) : undefined;
    });
  }
}
