import { expect, type APIRequestContext } from '@playwright/test';
import { randomUUID } from 'node:crypto';

/** A customer registered through the API for one test only. */
export interface User {
  email: string;
  password: string;
  name: string;
}

export interface Showtime {
  id: string;
  movieId: number;
  movieTitle: string;
  cinemaId: string;
  cinemaName: string;
  startsAt: string;
}

export interface Seat {
  seat: string;
  row: string;
  number: number;
  column: number;
  kind: string;
  status: string;
}

export interface Product {
  id: number;
  name: string;
}

const api = '/api/v1';

/** The São Paulo calendar day `daysAhead` days from now, as YYYY-MM-DD. */
export function saoPauloDay(daysAhead: number): string {
  return new Date(Date.now() + daysAhead * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'America/Sao_Paulo' });
}

export async function registerUser(request: APIRequestContext, label: string): Promise<User> {
  const user: User = {
    email: `e2e-${label}-${randomUUID().slice(0, 12)}@e2e.marquee.local`,
    password: `E2e-${randomUUID().slice(0, 8)}-Pass!`,
    name: `E2E ${label}`,
  };
  const response = await request.post(`${api}/auth/register`, {
    data: { email: user.email, password: user.password, displayName: user.name },
  });
  expect(response.status(), await response.text()).toBe(201);
  return user;
}

export async function accessToken(request: APIRequestContext, user: User): Promise<string> {
  const response = await request.post(`${api}/auth/login`, { data: { email: user.email, password: user.password } });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()).accessToken as string;
}

async function showtimesOn(request: APIRequestContext, date: string): Promise<Showtime[]> {
  const all: Showtime[] = [];
  for (let page = 1; page <= 20; page++) {
    const response = await request.get(`${api}/showtimes?date=${date}&pageNumber=${page}&pageSize=100`);
    expect(response.status(), await response.text()).toBe(200);
    const body = await response.json();
    all.push(...body.data);
    if (body.pagination.lastPage || body.data.length === 0) break;
  }
  return all;
}

let pool: Promise<Showtime[]> | undefined;

/**
 * Showtimes two and three São Paulo days ahead (never today's: they must stay on sale for the whole
 * run), in a stable order. Tests take distinct slots, so no two tests share a seat map.
 */
function showtimePool(request: APIRequestContext): Promise<Showtime[]> {
  pool ??= (async () => {
    const lists = await Promise.all([showtimesOn(request, saoPauloDay(2)), showtimesOn(request, saoPauloDay(3))]);
    return lists.flat().sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
  })();
  return pool;
}

/** Slots per project: each spec file owns a few, each project (phone, desktop) its own range. */
export const SLOTS_PER_PROJECT = 20;

export async function showtimeForSlot(request: APIRequestContext, projectIndex: number, slot: number): Promise<Showtime> {
  const list = await showtimePool(request);
  const index = projectIndex * SLOTS_PER_PROJECT + slot;
  expect(list.length, 'enough demo showtimes two and three days ahead').toBeGreaterThan(index);
  return list[index];
}

export async function seatMap(request: APIRequestContext, showtimeId: string): Promise<Seat[]> {
  const response = await request.get(`${api}/showtimes/${showtimeId}/seats`);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()).seats as Seat[];
}

/**
 * `count` available seats of one row, side by side when possible, taken from the live seat map;
 * `skip` rows from the back are left for other attempts of the same test.
 */
export async function availableSeats(request: APIRequestContext, showtimeId: string, count: number, exclude: string[] = []): Promise<Seat[]> {
  const seats = (await seatMap(request, showtimeId)).filter((s) => s.status === 'available' && s.kind === 'standard' && !exclude.includes(s.seat));
  const byRow = new Map<string, Seat[]>();
  for (const seat of seats) byRow.set(seat.row, [...(byRow.get(seat.row) ?? []), seat]);
  for (const row of [...byRow.keys()].sort()) {
    const inRow = byRow.get(row)!.sort((a, b) => a.number - b.number);
    if (inRow.length >= count) return inRow.slice(0, count);
  }
  throw new Error(`no row with ${count} available standard seats in showtime ${showtimeId}`);
}

export async function seatStatus(request: APIRequestContext, showtimeId: string, seat: string): Promise<string | undefined> {
  return (await seatMap(request, showtimeId)).find((s) => s.seat === seat)?.status;
}

export async function offers(request: APIRequestContext, showtimeId: string): Promise<Product[]> {
  const response = await request.get(`${api}/showtimes/${showtimeId}/offers`);
  if (response.status() !== 200) return [];
  const body = await response.json();
  const list = Array.isArray(body) ? body : (body.data ?? body.products ?? []);
  return list as Product[];
}

/** A demo user of the live run (run.sh seeds them with MARQUEE_DEMO_PASSWORD). */
export function demoUser(role: 'customer' | 'manager' | 'admin'): User {
  const password = process.env.MARQUEE_DEMO_PASSWORD;
  if (!password) throw new Error('MARQUEE_DEMO_PASSWORD is not set (scripts/live-run.sh exports it)');
  return { email: `${role}@marquee.local`, password, name: `Demo ${role}` };
}

/** Calls the API as `user` (signing in once per call site), failing the test on anything but 2xx. */
export async function asUser(request: APIRequestContext, user: User) {
  const headers = { Authorization: `Bearer ${await accessToken(request, user)}` };
  const check = async (response: Awaited<ReturnType<APIRequestContext['get']>>) => {
    expect(response.ok(), `${response.url()}: ${response.status()} ${await response.text()}`).toBeTruthy();
    return response;
  };
  return {
    headers,
    get: async (url: string) => (await check(await request.get(`${api}${url}`, { headers }))).json(),
    post: async (url: string, data: unknown, extra: Record<string, string> = {}) =>
      (await check(await request.post(`${api}${url}`, { headers: { ...headers, ...extra }, data }))).json(),
    put: async (url: string, data: unknown, extra: Record<string, string> = {}) =>
      check(await request.put(`${api}${url}`, { headers: { ...headers, ...extra }, data })),
  };
}

/** The payment simulator of the live run: what the browser suite may make fail on purpose. */
export function paymentsUrl(): string {
  const port = process.env.MARQUEE_PAYMENTS_PORT;
  if (!port) throw new Error('MARQUEE_PAYMENTS_PORT is not set (scripts/live-run.sh exports it)');
  return `http://127.0.0.1:${port}`;
}

/** A name no other test run has used. */
export function unique(prefix: string): string {
  return `${prefix} ${randomUUID().slice(0, 8)}`;
}
