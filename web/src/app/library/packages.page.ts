import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { switchMap } from 'rxjs';
import { LibraryApi } from '../api/library.api';
import { Package } from '../api/models';
import { messageOf } from '../api/problem';
import { Session } from '../auth/session';
import { t } from '../i18n/pt-BR';
import { formatMoney } from '../shared/format/format';
import { ProblemComponent } from '../shared/ui/field-error.component';
import { MyLibrary } from './my-library';

/** Packages on sale, what genres each unlocks, and subscribing or cancelling in one click. */
@Component({
  selector: 'mq-packages',
  imports: [RouterLink, ProblemComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ t.library.packagesTitle }}</h1>
    <p class="muted">{{ t.library.packagesIntro }}</p>
    @if (session.signedIn()) {
      <section class="card" aria-labelledby="my-genres">
        <h2 id="my-genres">{{ t.library.myGenres }}</h2>
        @if (library.myGenres().length) {
          <ul class="plain row chips">@for (g of library.myGenres(); track g.id) { <li class="chip">{{ g.name }}</li> }</ul>
          <p><a routerLink="/meus-filmes">{{ t.nav.myMovies }}</a></p>
        } @else { <p>{{ t.library.noGenres }}</p> }
      </section>
    }
    <mq-problem [message]="problem()" />
    @if (packages(); as list) {
      @if (list.length === 0) { <p>{{ t.library.noPackages }}</p> }
      <ul class="plain grid">
        @for (p of list; track p.id) {
          <li class="card package">
            <h2>{{ p.name }}</h2>
            <p class="price">{{ t.library.perMonth(money(p.priceCents)) }}</p>
            <p>{{ p.description }}</p>
            <p class="muted">{{ t.library.genres }}: {{ library.genreLabel(p.genreIds) }}</p>
            @if (library.subscribedPackageIds().has(p.id)) {
              <p class="success">{{ t.library.subscribed }}</p>
              <button type="button" class="btn-secondary" [disabled]="busy() === p.id" (click)="unsubscribe(p)">{{ t.library.unsubscribe(p.name) }}</button>
            } @else {
              <button type="button" class="btn" [disabled]="busy() === p.id" (click)="subscribe(p)">{{ t.library.subscribe(p.name) }}</button>
            }
          </li>
        }
      </ul>
    } @else { <p aria-live="polite">{{ t.common.loading }}</p> }
  `,
  styles: `
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: var(--space-3); }
    .package h2 { margin-top: 0; }
    .price { font-size: var(--text-lg); font-weight: 700; color: var(--color-accent); margin: 0; }
    .chips { gap: var(--space-2); }
    .chip { border: 1px solid var(--color-border); border-radius: 999px; padding: var(--space-1) var(--space-3); }
  `,
})
export class PackagesPage {
  protected readonly t = t;
  protected readonly session = inject(Session);
  protected readonly library = inject(MyLibrary);
  private readonly api = inject(LibraryApi);
  private readonly router = inject(Router);
  protected readonly money = formatMoney;
  protected readonly packages = signal<Package[] | null>(null);
  protected readonly busy = signal<string | null>(null);
  protected readonly problem = signal<string | undefined>(undefined);

  constructor() {
    this.api.packages().pipe(switchMap((list) => {
      this.packages.set(list);
      return this.session.signedIn() ? this.library.load(list) : this.library.nameGenres(list.flatMap((p) => p.genreIds));
    })).subscribe({ error: (e) => this.problem.set(messageOf(e)) });
  }

  protected subscribe(p: Package): void {
    if (!this.session.signedIn()) {
      void this.router.navigate(['/entrar'], { queryParams: { volta: '/pacotes' } });
      return;
    }
    this.run(p, this.library.subscribe(p.id));
  }

  protected unsubscribe(p: Package): void { this.run(p, this.library.unsubscribe(p.id)); }

  private run(p: Package, call: ReturnType<MyLibrary['subscribe']>): void {
    this.busy.set(p.id);
    this.problem.set(undefined);
    call.subscribe({
      next: () => this.busy.set(null),
      error: (e) => { this.busy.set(null); this.problem.set(messageOf(e)); },
    });
  }
}
