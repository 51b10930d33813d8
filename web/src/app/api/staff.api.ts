import { HttpClient, HttpHeaders, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { API, allPages, params } from './http';
import {
  Auditorium, AuditoriumDraft, Category, Cinema, CinemaDraft, Movie, Order, Package, PackageDraft, Paged, Product, ProductDraft, Showtime, ShowtimeDraft,
} from './models';

/** A package as last read, with the version its ETag names (what a replacement must send in If-Match). */
export interface VersionedPackage { package: Package; etag: string; }

/** What managers write: cinemas, auditoriums, showtimes, the menu, packages, refunds. */
@Injectable({ providedIn: 'root' })
export class StaffApi {
  private readonly http = inject(HttpClient);

  createCinema(draft: CinemaDraft): Observable<Cinema> { return this.http.post<Cinema>(`${API}/cinemas`, draft); }
  cinema(id: string): Observable<Cinema> { return this.http.get<Cinema>(`${API}/cinemas/${id}`); }
  auditoriums(cinemaId: string): Observable<Auditorium[]> {
    return allPages((pageNumber) => this.http.get<Paged<Auditorium>>(`${API}/cinemas/${cinemaId}/auditoriums`, { params: params({ pageNumber, pageSize: 100 }) }));
  }
  addAuditorium(cinemaId: string, draft: AuditoriumDraft): Observable<Auditorium> {
    return this.http.post<Auditorium>(`${API}/cinemas/${cinemaId}/auditoriums`, draft);
  }

  searchCatalog(title: string): Observable<Paged<Movie>> {
    return this.http.get<Paged<Movie>>(`${API}/catalog/movies`, { params: params({ title, pageSize: 20 }) });
  }
  schedule(draft: ShowtimeDraft): Observable<Showtime> { return this.http.post<Showtime>(`${API}/showtimes`, draft); }

  products(): Observable<Product[]> {
    return allPages((pageNumber) => this.http.get<Paged<Product>>(`${API}/products`, { params: params({ includeInactive: true, pageNumber, pageSize: 100 }) }));
  }
  createProduct(draft: ProductDraft): Observable<Product> { return this.http.post<Product>(`${API}/products`, draft); }
  updateProduct(id: number, draft: ProductDraft): Observable<Product> { return this.http.put<Product>(`${API}/products/${id}`, draft); }
  deactivateProduct(id: number): Observable<void> { return this.http.delete<void>(`${API}/products/${id}`); }
  categories(): Observable<Category[]> {
    return allPages((pageNumber) => this.http.get<Paged<Category>>(`${API}/categories`, { params: params({ pageNumber, pageSize: 100 }) }));
  }
  createCategory(name: string): Observable<Category> { return this.http.post<Category>(`${API}/categories`, { name }); }

  package(id: string): Observable<VersionedPackage> {
    return this.http.get<Package>(`${API}/packages/${id}`, { observe: 'response' }).pipe(map(versioned));
  }
  createPackage(draft: PackageDraft): Observable<VersionedPackage> {
    return this.http.post<Package>(`${API}/packages`, draft, { observe: 'response' }).pipe(map(versioned));
  }
  /** Replaces the package only if it is still at the version `etag` names; a stale one is answered 412. */
  replacePackage(id: string, draft: PackageDraft, etag: string): Observable<VersionedPackage> {
    return this.http.put<Package>(`${API}/packages/${id}`, draft, { observe: 'response', headers: new HttpHeaders({ 'If-Match': etag }) }).pipe(map(versioned));
  }
  retirePackage(id: string, etag: string): Observable<VersionedPackage> {
    return this.http.delete<Package>(`${API}/packages/${id}`, { observe: 'response', headers: new HttpHeaders({ 'If-Match': etag }) }).pipe(map(versioned));
  }

  order(id: string): Observable<Order> { return this.http.get<Order>(`${API}/orders/${encodeURIComponent(id)}`); }
  refund(id: string): Observable<Order> { return this.http.post<Order>(`${API}/orders/${encodeURIComponent(id)}/refund`, {}); }
}

function versioned(response: HttpResponse<Package>): VersionedPackage {
  const body = response.body!;
  return { package: body, etag: response.headers.get('ETag') ?? `"${body.version}"` };
}
