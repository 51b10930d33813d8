import { HttpParams } from '@angular/common/http';
import { EMPTY, Observable, expand, map, reduce } from 'rxjs';
import { Paged } from './models';

/** The one place that knows where the API lives; the services under api/ build every URL from it. */
export const API = '/api/v1';

/** Query parameters, leaving out the empty ones. */
export function params(values: Record<string, string | number | boolean | readonly (string | number)[] | undefined | null>): HttpParams {
  let p = new HttpParams();
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === '') continue;
    p = Array.isArray(v) ? (v.length ? p.set(k, v.join(',')) : p) : p.set(k, String(v));
  }
  return p;
}

/** Every page of a paginated list, concatenated (at most 20 pages of whatever size the caller asks). */
export function allPages<T>(page: (n: number) => Observable<Paged<T>>): Observable<T[]> {
  return page(1).pipe(
    expand((res) => (res.pagination.lastPage || res.pagination.pageNumber >= 20 ? EMPTY : page(res.pagination.pageNumber + 1))),
    map((res) => res.data),
    reduce((all, data) => all.concat(data), [] as T[]),
  );
}
