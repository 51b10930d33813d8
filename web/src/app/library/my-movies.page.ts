import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { LibraryApi } from '../api/library.api';
import { Movie, Pagination } from '../api/models';
import { messageOf } from '../api/problem';
import { t } from '../i18n/pt-BR';
import { ProblemComponent } from '../shared/ui/field-error.component';
import { PagerComponent } from '../shared/ui/pager.component';
import { MyLibrary } from './my-library';
import { WatchedToggleComponent } from './watched-toggle.component';

/** The movies the subscriber's packages unlock: filtered by one of their genres and by title, a page at a time. */
@Component({
  selector: 'mq-my-movies',
  imports: [RouterLink, PagerComponent, ProblemComponent, WatchedToggleComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t.library.moviesTitle }}</h1>
    @if (loaded() && library.myGenres().length === 0) {
      <p>{{ t.library.noGenres }}</p>
      <p><a class="btn" routerLink="/pacotes">{{ t.library.seePackages }}</a></p>
    } @else {
      <form class="row filters" role="search" (submit)="search($event)">
        <div class="field"><label for="genre">{{ t.library.genre }}</label>
          <select id="genre" name="genre" (change)="pickGenre($any($event.target).value)">
            <option value="">{{ t.library.allMyGenres }}</option>
            @for (g of library.myGenres(); track g.id) { <option [value]="g.id" [selected]="genre() === g.id">{{ g.name }}</option> }
          </select></div>
        <div class="field"><label for="title">{{ t.library.titleSearch }}</label>
          <input id="title" name="title" type="search" [value]="title()" /></div>
        <button type="submit" class="btn">{{ t.library.search }}</button>
      </form>
      <mq-problem [message]="problem()" />
      @if (movies(); as list) {
        @if (list.length === 0) { <p>{{ t.library.noMovies }}</p> }
        <ul class="plain grid" [attr.aria-busy]="busy()">
          @for (m of list; track m.id) {
            <li class="card movie">
              <h2><a [routerLink]="['/meus-filmes', m.id]">{{ m.title }}</a></h2>
              <p class="muted">{{ library.genreLabel(m.genreIds) }}@if (m.releaseDate) { · {{ m.releaseDate.slice(0, 4) }} }</p>
              <mq-watched-toggle [movie]="m" />
            </li>
          }
        </ul>
        <mq-pager [pagination]="pagination()" (page)="page.set($event)" />
      } @else { <p aria-live="polite">{{ t.common.loading }}</p> }
    }
  `,
  styles: `
    .filters { align-items: flex-end; gap: var(--space-3); }
    .filters .field { margin-bottom: 0; }
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: var(--space-3); margin-top: var(--space-4); }
    .movie h2 { margin-top: 0; font-size: var(--text-md); }
  `,
})
export class MyMoviesPage {
  protected readonly t = t;
  protected readonly library = inject(MyLibrary);
  private readonly api = inject(LibraryApi);
  protected readonly genre = signal<number | null>(null);
  protected readonly title = signal('');
  protected readonly page = signal(1);
  protected readonly movies = signal<Movie[] | null>(null);
  protected readonly pagination = signal<Pagination | null>(null);
  protected readonly loaded = signal(false);
  protected readonly busy = signal(false);
  protected readonly problem = signal<string | undefined>(undefined);

  constructor() {
    this.library.loadAll().subscribe({ next: () => this.loaded.set(true), error: (e) => this.problem.set(messageOf(e)) });
    effect((onCleanup) => {
      const genre = this.genre();
      const query = { genreIds: genre ? [genre] : undefined, title: this.title() || undefined, pageNumber: this.page(), pageSize: 12 };
      this.busy.set(true);
      const sub = this.api.movies(query).subscribe({
        next: (res) => {
          this.movies.set(res.data);
          this.pagination.set(res.pagination);
          this.busy.set(false);
          // A movie also carries genres outside the subscriber's packages; they need names too.
          this.library.nameGenres(res.data.flatMap((m) => m.genreIds)).subscribe({ error: () => undefined });
        },
        error: (e) => { this.busy.set(false); this.problem.set(messageOf(e)); },
      });
      onCleanup(() => sub.unsubscribe());
    });
  }

  protected pickGenre(value: string): void {
    this.genre.set(value ? Number(value) : null);
    this.page.set(1);
  }

  protected search(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    this.title.set((form.elements.namedItem('title') as HTMLInputElement).value.trim());
    this.page.set(1);
  }
}
