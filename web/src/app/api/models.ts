/** Types of the API's JSON (src/Api/Contracts). */
export interface Problem { type?: string; title?: string; status?: number; detail?: string; errors?: Record<string, string[]>; seats?: string[]; }
export interface Pagination { pageNumber: number; pageSize: number; totalPages: number; lastPage: boolean; firstPage: boolean; }
export interface Paged<T> { data: T[]; pagination: Pagination; }

export interface TokenResponse { accessToken: string; refreshToken: string; expiresIn: number; tokenType: string; }
export interface User { id: string; email: string; displayName: string; roles: string[]; createdAt: string; }
export interface AuthProviders { google: { clientId: string } | null; }

export interface Cinema { id: string; name: string; neighbourhood: string; address: string; }
export interface Movie { id: number; title: string; genreIds: number[]; releaseDate: string | null; posterPath: string | null; popularity: number; runtimeMinutes: number | null; overview?: string | null; }

export type SeatKind = 'standard' | 'premium' | 'wheelchair' | 'companion' | 'blocked';
export type SeatStatus = 'available' | 'held' | 'sold' | 'blocked';
export interface SeatPrice { seatKind: string; fullCents: number; halfCents: number; }
export interface Showtime {
  id: string; cinemaId: string; cinemaName: string; auditoriumId: string; auditoriumName: string; movieId: number; movieTitle: string;
  startsAt: string; endsAt: string; format: string; audio: string; capacity: number; currency: string; prices: SeatPrice[];
}
export interface Seat { seat: string; row: string; number: number; column?: number; kind: SeatKind; status: SeatStatus; }
export interface SeatMap { showtimeId: string; version: number; capacity: number; seats: Seat[]; }
export interface SeatChanges { showtimeId: string; version: number; seats: Seat[]; }
export interface Hold { holdId: string; seats: string[]; expiresAt: string; }
export type HoldRequest = { seats: string[] } | { quantity: number; seatKind?: string };

export interface Product { id: number; name: string; description: string; categoryId: number; priceCents: number; currency: string; imageUrl: string | null; active: boolean; stock: number; groupSize: number; rating: { average: number; count: number }; }

export type OrderStatus = 'Pending' | 'Approved' | 'Refused' | 'Cancelled' | 'Refunded' | 'Failed';
export const FINAL_STATUSES: readonly OrderStatus[] = ['Approved', 'Refused', 'Cancelled', 'Refunded', 'Failed'];
export interface OrderItem { productId: number; name: string; quantity: number; unitPriceCents: number; }
export interface OrderTicket { seat: string; seatKind: string; type: 'full' | 'half'; priceCents: number; code: string | null; }
export interface Order {
  id: string; status: OrderStatus; amountCents: number; currency: string; items: OrderItem[]; tickets: OrderTicket[];
  showtimeId: string | null; createdAt: string; updatedAt: string; failure: string | null; deadLettered: boolean;
}
export interface CreateOrder { showtimeId: string; holdId: string; tickets: { seat: string; type: 'full' | 'half' }[]; items: { productId: number; quantity: number }[]; }
