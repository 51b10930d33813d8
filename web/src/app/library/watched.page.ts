import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { filter, switchMap } from 'rxjs';
import { LibraryApi } from '../api/library.api';
import { Pagination, Watched, WatchReport } from '../api/models';
import { messageOf } from '../api/problem';
import { Session } from '../auth/session';
import { t } from '../i18n/pt-BR';
import { formatDateTime } from '../shared/format/format';
import { ProblemComponent } from '../shared/ui/field-error.component';
import { PagerComponent } from '../shared/ui/pager.component';
import { WatchReportCardComponent } from '../shared/ui/watch-report-card.component';
import { MyLibrary } from './my-library';

/** The subscriber's watch report and what they watched, newest first. */
@Component({
  selector: 'mq-watched',
  imports: [RouterLink, PagerComponent, ProblemComponent, WatchReportCardComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t.library.watchedTitle }}</h1>
    @if (report(); as r) { <mq-watch-report-card [report]="r" /> }
    <mq-problem [message]="problem()" />
    @if (items(); as list) {
      @if (list.length === 0) { <p>{{ t.library.noWatched }}</p> }
      <ul class="plain">
        @for (w of list; track w.movie.id) {
          <li class="card row item">
            <div class="grow"><a [routerLink]="['/meus-filmes', w.movie.id]">{{ w.movie.title }}</a>
              <span class="muted"> · {{ t.library.watchedOn(when(w.watchedAt)) }}</span></div>
            <button type="button" class="btn-secondary" (click)="unmark(w)">{{ t.library.unmarkWatched(w.movie.title) }}</button>
          </li>
        }
      </ul>
      <mq-pager [pagination]="pagination()" (page)="page.set($event)" />
    } @else { <p aria-live="polite">{{ t.common.loading }}</p> }
  `,
  styles: `.item { justify-content: space-between; } .grow { flex: 1 1 12rem; }`,
})
export class WatchedPage {
  protected readonly t = t;
  private readonly api = inject(LibraryApi);
  private readonly library = inject(MyLibrary);
  private readonly session = inject(Session);
  protected readonly when = formatDateTime;
  protected readonly page = signal(1);
  protected readonly items = signal<Watched[] | null>(null);
  protected readonly pagination = signal<Pagination | null>(null);
  protected readonly report = signal<WatchReport | null>(null);
  protected readonly problem = signal<string | undefined>(undefined);
  private readonly version = signal(0);

  constructor() {
    effect((onCleanup) => {
      this.version();
      const sub = this.api.watched(this.page()).subscribe({
        next: (res) => { this.items.set(res.data); this.pagination.set(res.pagination); },
        error: (e) => this.problem.set(messageOf(e)),
      });
      onCleanup(() => sub.unsubscribe());
    });
    effect((onCleanup) => {
      this.version();
      const sub = this.session.currentUser().pipe(
        filter((user) => user !== null),
        switchMap((user) => this.api.report(user.id)),
      ).subscribe({ next: (r) => this.report.set(r), error: (e) => this.problem.set(messageOf(e)) });
      onCleanup(() => sub.unsubscribe());
    });
  }

  protected unmark(w: Watched): void {
    this.library.setWatched(w.movie.id, false).subscribe({
      next: () => this.version.update((v) => v + 1),
      error: (e) => this.problem.set(messageOf(e)),
    });
  }
}
