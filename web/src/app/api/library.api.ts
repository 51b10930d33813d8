import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, of } from 'rxjs';
import { API, allPages, params } from './http';
import { Genre, Movie, Package, Paged, Subscription, Watched, WatchReport } from './models';

/** The streaming side: packages, subscriptions, the movies they unlock, what was watched. */
@Injectable({ providedIn: 'root' })
export class LibraryApi {
  private readonly http = inject(HttpClient);

  packages(includeRetired = false): Observable<Package[]> {
    return allPages((pageNumber) => this.http.get<Paged<Package>>(`${API}/packages`, { params: params({ includeRetired, pageNumber, pageSize: 100 }) }));
  }
  /** Names of the given genres (all of them when `ids` is absent). */
  genres(ids?: readonly number[]): Observable<Genre[]> {
    if (ids && ids.length === 0) return of([]);
    return allPages((pageNumber) => this.http.get<Paged<Genre>>(`${API}/genres`, { params: params({ ids, pageNumber, pageSize: 100 }) }));
  }
  subscriptions(): Observable<Subscription[]> {
    return allPages((pageNumber) => this.http.get<Paged<Subscription>>(`${API}/users/me/subscriptions`, { params: params({ pageNumber, pageSize: 100 }) }));
  }
  subscribe(packageId: string): Observable<Subscription> { return this.http.post<Subscription>(`${API}/users/me/subscriptions`, { packageId }); }
  unsubscribe(packageId: string): Observable<void> { return this.http.delete<void>(`${API}/users/me/subscriptions/${packageId}`); }

  movies(query: { genreIds?: readonly number[]; title?: string; pageNumber: number; pageSize: number }): Observable<Paged<Movie>> {
    return this.http.get<Paged<Movie>>(`${API}/movies`, { params: params(query) });
  }
  movie(id: number): Observable<Movie> { return this.http.get<Movie>(`${API}/movies/${id}`); }

  watched(pageNumber: number, pageSize = 10): Observable<Paged<Watched>> {
    return this.http.get<Paged<Watched>>(`${API}/users/me/watched`, { params: params({ pageNumber, pageSize }) });
  }
  allWatched(): Observable<Watched[]> { return allPages((pageNumber) => this.watched(pageNumber, 100)); }
  markWatched(movieId: number): Observable<Watched> { return this.http.put<Watched>(`${API}/users/me/watched/${movieId}`, null); }
  unmarkWatched(movieId: number): Observable<void> { return this.http.delete<void>(`${API}/users/me/watched/${movieId}`); }
  report(userId: string): Observable<WatchReport> { return this.http.get<WatchReport>(`${API}/users/${userId}/watch-report`); }
}
