import { resizePlan, rowName, seatCount, toRows } from './seat-plan';

describe('seat plan', () => {
  it('names rows A to Z, then AA, AB', () => {
    expect([0, 1, 25, 26, 27].map(rowName)).toEqual(['A', 'B', 'Z', 'AA', 'AB']);
  });

  it('resizes keeping what was drawn and filling new positions with standard seats', () => {
    const drawn = resizePlan([['W', 'C', '_']], 2, 4);
    expect(drawn).toEqual([['W', 'C', '_', 'S'], ['S', 'S', 'S', 'S']]);
    expect(resizePlan(drawn, 1, 2)).toEqual([['W', 'C']]);
  });

  it('writes the rows the API takes and counts seats without gaps', () => {
    const plan = resizePlan([['W', 'C', '_', 'S'], ['X', 'P', '_', 'P']], 2, 4);
    expect(toRows(plan)).toEqual([{ row: 'A', positions: 'WC_S' }, { row: 'B', positions: 'XP_P' }]);
    expect(seatCount(plan)).toBe(6);
  });
});
