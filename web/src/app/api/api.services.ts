import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import {
  AuthProviders, Cinema, CreateOrder, Hold, HoldRequest, Movie, Order, Paged, Product, SeatMap, Showtime, TokenResponse, User,
} from './models';

import { API, allPages, params } from './http';

export { API } from './http';

@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);
  login(email: string, password: string): Observable<TokenResponse> { return this.http.post<TokenResponse>(`${API}/auth/login`, { email, password }); }
  register(email: string, password: string, displayName: string): Observable<User> { return this.http.post<User>(`${API}/auth/register`, { email, password, displayName }); }
  refresh(refreshToken: string): Observable<TokenResponse> { return this.http.post<TokenResponse>(`${API}/auth/refresh`, { refreshToken }); }
  logout(refreshToken: string): Observable<void> { return this.http.post<void>(`${API}/auth/logout`, { refreshToken }); }
  forgot(email: string): Observable<void> { return this.http.post<void>(`${API}/auth/password/forgot`, { email }); }
  reset(token: string, newPassword: string): Observable<void> { return this.http.post<void>(`${API}/auth/password/reset`, { token, newPassword }); }
  providers(): Observable<AuthProviders> { return this.http.get<AuthProviders>(`${API}/auth/providers`); }
  google(idToken: string): Observable<TokenResponse> { return this.http.post<TokenResponse>(`${API}/auth/external/google`, { idToken }); }
  static isAuthUrl(url: string): boolean { return url.includes(`${API}/auth/`); }
  static refreshUrl = `${API}/auth/refresh`;
}

@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);
  me(): Observable<User> { return this.http.get<User>(`${API}/users/me`); }
  updateMe(displayName: string): Observable<User> { return this.http.patch<User>(`${API}/users/me`, { displayName }); }
  changePassword(currentPassword: string, newPassword: string): Observable<void> { return this.http.post<void>(`${API}/users/me/password`, { currentPassword, newPassword }); }
  myOrders(pageNumber: number, pageSize = 10): Observable<Paged<Order>> { return this.http.get<Paged<Order>>(`${API}/users/me/orders`, { params: params({ pageNumber, pageSize }) }); }
}

@Injectable({ providedIn: 'root' })
export class CinemasApi {
  private readonly http = inject(HttpClient);
  list(): Observable<Cinema[]> { return allPages((pageNumber) => this.http.get<Paged<Cinema>>(`${API}/cinemas`, { params: params({ pageNumber, pageSize: 100 }) })); }
}

@Injectable({ providedIn: 'root' })
export class MoviesApi {
  private readonly http = inject(HttpClient);
  get(id: number): Observable<Movie> { return this.http.get<Movie>(`${API}/movies/${id}`); }
}

@Injectable({ providedIn: 'root' })
export class ShowtimesApi {
  private readonly http = inject(HttpClient);
  list(query: { date?: string; cinemaId?: string; movieId?: number }): Observable<Showtime[]> {
    return allPages((pageNumber) => this.http.get<Paged<Showtime>>(`${API}/showtimes`, { params: params({ ...query, pageNumber, pageSize: 100 }) }));
  }
  get(id: string): Observable<Showtime> { return this.http.get<Showtime>(`${API}/showtimes/${id}`); }
  seats(id: string): Observable<SeatMap> { return this.http.get<SeatMap>(`${API}/showtimes/${id}/seats`); }
  seatStreamUrl(id: string): string { return `${API}/showtimes/${id}/seats/stream`; }
  hold(id: string, body: HoldRequest): Observable<Hold> { return this.http.post<Hold>(`${API}/showtimes/${id}/holds`, body); }
  release(id: string, holdId: string): Observable<void> { return this.http.delete<void>(`${API}/showtimes/${id}/holds/${holdId}`); }
  offers(id: string, partySize: number): Observable<Paged<Product>> { return this.http.get<Paged<Product>>(`${API}/showtimes/${id}/offers`, { params: params({ partySize }) }); }
}

@Injectable({ providedIn: 'root' })
export class OrdersApi {
  private readonly http = inject(HttpClient);
  create(body: CreateOrder, idempotencyKey: string): Observable<Order> {
    return this.http.post<Order>(`${API}/orders`, body, { headers: new HttpHeaders({ 'Idempotency-Key': idempotencyKey }) });
  }
  get(id: string): Observable<Order> { return this.http.get<Order>(`${API}/orders/${id}`); }
  cancel(id: string): Observable<Order> { return this.http.post<Order>(`${API}/orders/${id}/cancel`, {}); }
}

@Injectable({ providedIn: 'root' })
export class ProductsApi {
  private readonly http = inject(HttpClient);
  rate(productId: number, orderId: string, stars: number): Observable<unknown> { return this.http.post(`${API}/products/${productId}/ratings`, { orderId, stars }); }
}
