import { SeatMap } from '../api/models';
import { applyChanges, applySnapshot, layoutRows } from './seat-map-state';

const map: SeatMap = {
  showtimeId: 's1', version: 5, capacity: 3, salesOpen: true,
  seats: [
    { seat: 'A1', row: 'A', number: 1, column: 0, kind: 'standard', status: 'available' },
    { seat: 'A2', row: 'A', number: 2, column: 2, kind: 'standard', status: 'available' },
    { seat: 'B1', row: 'B', number: 1, column: 1, kind: 'premium', status: 'available' },
  ],
};

describe('seat map state', () => {
  it('applies a newer change to the seats it names', () => {
    const next = applyChanges(map, { showtimeId: 's1', version: 6, salesOpen: true, seats: [{ ...map.seats[0], status: 'held' }] })!;
    expect(next.version).toBe(6);
    expect(next.seats.map((s) => s.status)).toEqual(['held', 'available', 'available']);
  });

  it('takes the close of sales from a change', () => {
    expect(applyChanges(map, { showtimeId: 's1', version: 6, salesOpen: false, seats: [] })!.salesOpen).toBe(false);
  });

  it('ignores changes that are not newer than the map', () => {
    expect(applyChanges(map, { showtimeId: 's1', version: 5, salesOpen: true, seats: [{ ...map.seats[0], status: 'sold' }] })).toBe(map);
    expect(applyChanges(map, { showtimeId: 's1', version: 3, salesOpen: true, seats: [{ ...map.seats[0], status: 'sold' }] })).toBe(map);
  });

  it('keeps the newer of two snapshots, and the same map for the same version (nothing to redraw)', () => {
    expect(applySnapshot(map, { ...map, version: 4 })).toBe(map);
    expect(applySnapshot(map, { ...map, version: 5 })).toBe(map);
    expect(applySnapshot(map, { ...map, version: 7 }).version).toBe(7);
  });

  it('places seats by column so gaps show', () => {
    const rows = layoutRows(map.seats);
    expect(rows.map((r) => r.row)).toEqual(['A', 'B']);
    expect(rows[0].cells.map((c) => c?.seat ?? null)).toEqual(['A1', null, 'A2']);
    expect(rows[1].cells.map((c) => c?.seat ?? null)).toEqual([null, 'B1', null]);
  });
});
