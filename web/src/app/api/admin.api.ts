import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { API, params } from './http';
import { CapacityForecast, Order, Paged, Role, User, WatchReport } from './models';

/** What admins run: accounts and roles, failed payments, everyone's reports, capacity. */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);

  users(query: { email?: string; role?: Role | ''; pageNumber: number }): Observable<Paged<User>> {
    return this.http.get<Paged<User>>(`${API}/users`, { params: params({ ...query, pageSize: 20 }) });
  }
  user(id: string): Observable<User> { return this.http.get<User>(`${API}/users/${id}`); }
  setRoles(userId: string, roles: readonly Role[]): Observable<User> { return this.http.put<User>(`${API}/users/${userId}/roles`, { roles }); }

  deadLetters(pageNumber: number): Observable<Paged<Order>> {
    return this.http.get<Paged<Order>>(`${API}/admin/dead-letters`, { params: params({ pageNumber, pageSize: 20 }) });
  }
  retry(orderId: string): Observable<Order> { return this.http.post<Order>(`${API}/admin/dead-letters/${orderId}/retry`, {}); }

  reports(pageNumber: number): Observable<Paged<WatchReport>> {
    return this.http.get<Paged<WatchReport>>(`${API}/reports/watch`, { params: params({ pageNumber, pageSize: 20 }) });
  }
  capacity(): Observable<CapacityForecast> { return this.http.get<CapacityForecast>(`${API}/admin/capacity-forecast`); }
}
