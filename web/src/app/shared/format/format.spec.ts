import { centsToInput, parseReais, saoPauloInstant, formatCountdown, formatMoney, formatTime, nextDays, saoPauloDay } from './format';

describe('format', () => {
  it('formats cents as Brazilian reais', () => {
    expect(formatMoney(3200)).toBe('R$ 32,00');
    expect(formatMoney(123456)).toBe('R$ 1.234,56');
  });

  it('shows times in São Paulo, not UTC', () => {
    expect(formatTime('2026-11-24T16:00:00Z')).toBe('13:00');
  });

  it('takes the São Paulo calendar day near midnight UTC', () => {
    expect(saoPauloDay(new Date('2026-11-25T02:30:00Z'))).toBe('2026-11-24');
    expect(nextDays(new Date('2026-11-25T02:30:00Z'), 3)).toEqual(['2026-11-24', '2026-11-25', '2026-11-26']);
  });

  it('counts down as mm:ss and never below zero', () => {
    expect(formatCountdown(9 * 60_000 + 5_000)).toBe('09:05');
    expect(formatCountdown(-10)).toBe('00:00');
  });
});

import { newUuid } from './uuid';

describe('newUuid', () => {
  it('makes distinct v4 UUIDs', () => {
    const a = newUuid();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newUuid()).not.toBe(a);
  });

  it('turns a São Paulo wall-clock time into an instant with the offset of that day', () => {
    expect(saoPauloInstant('2026-12-24', '19:30')).toBe('2026-12-24T19:30:00-03:00');
    expect(new Date(saoPauloInstant('2026-07-01', '09:05')).toISOString()).toBe('2026-07-01T12:05:00.000Z');
  });

  it('reads amounts typed in reais as cents, and refuses what is not one', () => {
    expect(['32', '32,5', '32,50', 'R$ 1.032,50', ' 0,99 '].map(parseReais)).toEqual([3200, 3250, 3250, 103250, 99]);
    expect(['32.50', '1.5', '1.032', '1.032.500,00'].map(parseReais)).toEqual([3250, 150, 103200, 103250000]);
    expect(['', 'abc', '32,505', '-1', '1.03,50', '1,032.50'].map(parseReais)).toEqual([null, null, null, null, null, null]);
    expect(centsToInput(3250)).toBe('32,50');
  });
});
