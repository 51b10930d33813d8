import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { switchMap } from 'rxjs';
import { LibraryApi } from '../api/library.api';
import { Movie } from '../api/models';
import { messageOf } from '../api/problem';
import { t } from '../i18n/pt-BR';
import { ProblemComponent } from '../shared/ui/field-error.component';
import { MyLibrary } from './my-library';
import { WatchedToggleComponent } from './watched-toggle.component';

/** One movie of the subscriber's library, with its watched toggle. */
@Component({
  selector: 'mq-movie-detail',
  imports: [RouterLink, ProblemComponent, WatchedToggleComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p><a routerLink="/meus-filmes">{{ t.library.backToMovies }}</a></p>
    @if (movie(); as m) {
      <h1>{{ m.title }}</h1>
      <p class="muted">{{ library.genreLabel(m.genreIds) }}</p>
      @if (m.releaseDate) { <p>{{ t.library.released(m.releaseDate.slice(0, 4)) }}</p> }
      @if (m.runtimeMinutes) { <p>{{ t.library.runtime(m.runtimeMinutes) }}</p> }
      <mq-watched-toggle [movie]="m" />
    } @else if (!problem()) { <p aria-live="polite">{{ t.common.loading }}</p> }
    <mq-problem [message]="problem()" />
  `,
})
export class MovieDetailPage {
  readonly movieId = input.required<string>();
  protected readonly t = t;
  protected readonly library = inject(MyLibrary);
  private readonly api = inject(LibraryApi);
  protected readonly movie = signal<Movie | null>(null);
  protected readonly problem = signal<string | undefined>(undefined);

  constructor() {
    this.library.loadWatched().subscribe({ error: () => undefined });
    effect((onCleanup) => {
      const sub = this.api.movie(Number(this.movieId())).pipe(
        switchMap((m) => { this.movie.set(m); return this.library.nameGenres(m.genreIds); }),
      ).subscribe({ error: (e) => this.problem.set(messageOf(e)) });
      onCleanup(() => sub.unsubscribe());
    });
  }
}
