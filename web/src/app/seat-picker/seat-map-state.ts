import { Seat, SeatChanges, SeatMap } from '../api/models';

/** Applies a change event to a map: older or equal versions are ignored, never guessed. */
export function applyChanges(map: SeatMap | null, change: SeatChanges): SeatMap | null {
  if (!map || change.showtimeId !== map.showtimeId || change.version <= map.version) return map;
  const bySeat = new Map(change.seats.map((s) => [s.seat, s]));
  return { ...map, version: change.version, salesOpen: change.salesOpen, seats: map.seats.map((s) => bySeat.get(s.seat) ?? s) };
}

/** A newer snapshot replaces the map; an older one, or the same version again, leaves it as it is. */
export function applySnapshot(map: SeatMap | null, snapshot: SeatMap): SeatMap {
  return !map || snapshot.version > map.version ? snapshot : map;
}

export interface SeatRow { row: string; cells: (Seat | null)[]; }

/** Rows in order, each with its seats at their physical column (null = gap). */
export function layoutRows(seats: Seat[]): SeatRow[] {
  const rows = new Map<string, Seat[]>();
  for (const s of seats) (rows.get(s.row) ?? rows.set(s.row, []).get(s.row)!).push(s);
  const width = Math.max(0, ...seats.map((s) => s.column + 1));
  return [...rows.keys()]
    .sort((a, b) => a.length - b.length || a.localeCompare(b))
    .map((row) => {
      const cells: (Seat | null)[] = Array.from({ length: width }, () => null);
      for (const s of rows.get(row)!) cells[s.column] = s;
      return { row, cells };
    });
}
