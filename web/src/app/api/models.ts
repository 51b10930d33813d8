import type { components } from './openapi';

/**
 * The API's JSON, derived from the types generated from its OpenAPI document (openapi.d.ts, checked
 * against the served document by scripts/api-types.sh): a field the API drops or renames breaks the
 * build here instead of failing at run time.
 */
type Schemas = components['schemas'];

/** A field the document types loosely (a string from a fixed set) narrowed to what the app relies on; V must fit it. */
type Narrow<T, K extends keyof T, V extends T[K]> = Omit<T, K> & { [P in K]: V };

/** A request body the app builds, checked to fit the document's request schema. */
type Fits<Doc, T extends Doc> = T;

/** An RFC 9457 problem; `seats` and `conflictingShowtime` are the API's extensions for holds and scheduling. */
export interface Problem {
  type?: string; title?: string; status?: number; detail?: string; errors?: Record<string, string[]>; seats?: string[];
  conflictingShowtime?: ConflictingShowtime;
}
export type Pagination = Schemas['PaginationInfo'];
export interface Paged<T> { data: T[]; pagination: Pagination; }

export type TokenResponse = Schemas['TokenResponse'];
export type User = Schemas['UserResponse'];
export type GoogleProvider = Schemas['GoogleProviderResponse'];
export type AuthProviders = Schemas['AuthProvidersResponse'];

export type Cinema = Schemas['CinemaResponse'];
export type Movie = Schemas['MovieResponse'];

export type SeatKind = 'standard' | 'premium' | 'wheelchair' | 'companion' | 'blocked';
export type SeatStatus = 'available' | 'held' | 'sold' | 'blocked';
export type SeatPrice = Schemas['SeatPriceResponse'];
export type Showtime = Schemas['ShowtimeResponse'];
export type Seat = Narrow<Narrow<Schemas['SeatResponse'], 'kind', SeatKind>, 'status', SeatStatus>;
export type SeatMap = Narrow<Schemas['SeatMapResponse'], 'seats', Seat[]>;
/** A live change (the stream's `seats` event): the seats whose status changed and the version they lead to. */
export type SeatChanges = Omit<SeatMap, 'capacity'>;
export type Hold = Schemas['HoldResponse'];
export type HoldRequest = Fits<Schemas['HoldRequest'], { seats: string[] } | { quantity: number; seatKind?: Exclude<SeatKind, 'blocked'> }>;

export type Product = Schemas['ProductResponse'];

export type OrderStatus = 'Pending' | 'Approved' | 'Refused' | 'Cancelled' | 'Refunded' | 'Failed';
export const FINAL_STATUSES: readonly OrderStatus[] = ['Approved', 'Refused', 'Cancelled', 'Refunded', 'Failed'];
export type TicketType = 'full' | 'half';
export type OrderItem = Schemas['OrderItemResponse'];
export type OrderTicket = Narrow<Schemas['OrderTicketResponse'], 'type', TicketType>;
export type Order = Narrow<Narrow<Schemas['OrderResponse'], 'status', OrderStatus>, 'tickets', OrderTicket[]>;
export type CreateOrder = Fits<Schemas['CreateOrderRequest'], {
  showtimeId: string; holdId: string; tickets: { seat: string; type: TicketType }[]; items: { productId: number; quantity: number }[];
}>;

export type Role = 'customer' | 'manager' | 'admin';
export const ROLES: readonly Role[] = ['customer', 'manager', 'admin'];

export type Genre = Schemas['GenreResponse'];
export type Package = Schemas['PackageResponse'];
export type PackageDraft = Fits<Schemas['PackageRequest'], { name: string; genreIds: number[]; description: string; priceCents: number }>;
export type Subscription = Schemas['SubscriptionResponse'];
export type Watched = Schemas['WatchedResponse'];
export type WatchReport = Schemas['WatchReportResponse'];

export type Auditorium = Schemas['AuditoriumResponse'];
export type CinemaDraft = Fits<Schemas['CreateCinemaRequest'], { name: string; neighbourhood: string; address: string }>;
export type AuditoriumDraft = Fits<Schemas['CreateAuditoriumRequest'], { name: string; rows: { row: string; positions: string }[] }>;
export type ShowtimeFormat = '2D' | '3D';
export type ShowtimeAudio = 'dubbed' | 'subtitled';
export type ShowtimeDraft = Fits<Schemas['CreateShowtimeRequest'], {
  auditoriumId: string; movieId: number; startsAt: string; format: ShowtimeFormat; audio: ShowtimeAudio;
  prices: { standard?: number; premium?: number; wheelchair?: number; companion?: number };
}>;
/** A 409 from scheduling: the showtime already in that auditorium at that time. */
export interface ConflictingShowtime { id: string; movieTitle: string; startsAt: string; endsAt: string; }

export type Category = Schemas['CategoryResponse'];
export type ProductDraft = Fits<Schemas['ProductRequest'], {
  name: string; description: string; categoryId: number; priceCents: number; imageUrl: string; active: boolean; stock: number; groupSize: number;
}>;

export type CapacityForecast = Schemas['CapacityForecastResponse'];
export type ShowtimeDemand = Schemas['ShowtimeDemandResponse'];
export type CapacityPoint = Schemas['CapacityPointResponse'];
