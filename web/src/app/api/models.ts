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

export interface Problem { type?: string; title?: string; status?: number; detail?: string; errors?: Record<string, string[]>; seats?: string[]; }
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
