import { Injectable, computed, inject, signal } from '@angular/core';
import { Observable, forkJoin, map, of, switchMap, tap } from 'rxjs';
import { LibraryApi } from '../api/library.api';
import { Genre, Package, Subscription } from '../api/models';

/**
 * The signed-in subscriber's library as the screens need it: their subscriptions, the genres those
 * unlock (the API's own rule: the union of the genres of the active packages), names for genres, and
 * which movies they marked as watched. It mirrors the API after each change; it decides nothing.
 */
@Injectable({ providedIn: 'root' })
export class MyLibrary {
  private readonly api = inject(LibraryApi);
  readonly subscriptions = signal<Subscription[]>([]);
  readonly genreNames = signal<ReadonlyMap<number, string>>(new Map());
  readonly watchedIds = signal<ReadonlySet<number>>(new Set());

  readonly subscribedPackageIds = computed(() => new Set(this.subscriptions().map((s) => s.package.id)));
  readonly myGenres = computed<Genre[]>(() => {
    const ids = [...new Set(this.subscriptions().flatMap((s) => s.package.genreIds))];
    return ids
      .map((id) => ({ id, name: this.genreNames().get(id) ?? String(id), active: true }))
      .sort((a, b) => a.name.localeCompare(b.name, 'pt-BR'));
  });

  /** Subscriptions and the names of every genre they or `packages` mention. */
  load(packages: readonly Package[] = []): Observable<void> {
    return this.api.subscriptions().pipe(
      tap((list) => this.subscriptions.set(list)),
      switchMap((list) => this.nameGenres([...list.flatMap((s) => s.package.genreIds), ...packages.flatMap((p) => p.genreIds)])),
    );
  }

  loadWatched(): Observable<void> {
    return this.api.allWatched().pipe(map((list) => { this.watchedIds.set(new Set(list.map((w) => w.movie.id))); }));
  }

  nameGenres(ids: readonly number[]): Observable<void> {
    const missing = [...new Set(ids)].filter((id) => !this.genreNames().has(id));
    if (missing.length === 0) return of(undefined);
    return this.api.genres(missing).pipe(map((genres) => {
      const names = new Map(this.genreNames());
      for (const g of genres) names.set(g.id, g.name);
      this.genreNames.set(names);
    }));
  }

  subscribe(packageId: string): Observable<void> {
    return this.api.subscribe(packageId).pipe(switchMap(() => this.load()));
  }

  unsubscribe(packageId: string): Observable<void> {
    return this.api.unsubscribe(packageId).pipe(switchMap(() => this.load()));
  }

  /** Marks or unmarks, then records what the API now says. */
  setWatched(movieId: number, watched: boolean): Observable<void> {
    const call = watched ? this.api.markWatched(movieId).pipe(map(() => undefined)) : this.api.unmarkWatched(movieId);
    return call.pipe(tap(() => this.watchedIds.update((ids) => {
      const next = new Set(ids);
      if (watched) next.add(movieId); else next.delete(movieId);
      return next;
    })));
  }

  genreLabel(ids: readonly number[]): string {
    return ids.map((id) => this.genreNames().get(id) ?? String(id)).join(', ');
  }

  /** Both lists at once, for pages that need them together. */
  loadAll(packages: readonly Package[] = []): Observable<void> {
    return forkJoin([this.load(packages), this.loadWatched()]).pipe(map(() => undefined));
  }
}
