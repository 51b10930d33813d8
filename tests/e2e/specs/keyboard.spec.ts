import { seatStatus } from '../support/api';
import { expect, test } from '../support/fixtures';
import { signIn, AVAILABLE } from '../support/ui';
import type { Page } from '@playwright/test';

async function focusedLabel(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.trim() ?? '');
}

function seatOf(label: string): string {
  const [, row, number] = label.match(/^Fileira (\w+), poltrona (\d+),/)!;
  return `${row}${number}`;
}

test('seats can be chosen and held with the keyboard alone', async ({ page, request, user, showtimeFor }) => {
  const showtime = await showtimeFor(4);
  await signIn(page, user);
  await page.goto(`/sessoes/${showtime.id}`);
  await expect(page.getByRole('button', { name: /^Fileira / }).first()).toBeVisible();

  // Tab into the seat map.
  let label = '';
  for (let i = 0; i < 80 && !/^Fileira .*disponível$/.test(label); i++) {
    await page.keyboard.press('Tab');
    label = await focusedLabel(page);
  }
  expect(label, 'Tab reaches an available seat').toMatch(/^Fileira .*disponível$/);
  const first = seatOf(label);
  await page.keyboard.press('Space');
  await expect(page.locator(':focus')).toHaveAttribute('aria-pressed', 'true');

  // Arrow keys move to the next available seat; Enter selects it.
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('ArrowRight');
    label = await focusedLabel(page);
    if (AVAILABLE.test(label) && seatOf(label) !== first) break;
  }
  expect(label, 'ArrowRight moves to another available seat').toMatch(/^Fileira .*disponível$/);
  const second = seatOf(label);
  await page.keyboard.press('Enter');
  await expect(page.locator(':focus')).toHaveAttribute('aria-pressed', 'true');

  // Tab on to the hold button and press it.
  for (let i = 0; i < 800 && label !== 'Reservar poltronas'; i++) {
    await page.keyboard.press('Tab');
    label = await focusedLabel(page);
  }
  expect(label).toBe('Reservar poltronas');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Liberar poltronas' })).toBeVisible();
  for (const seat of [first, second]) await expect.poll(() => seatStatus(request, showtime.id, seat)).toBe('held');

  // Release it with the keyboard too, leaving the showtime as found.
  await page.getByRole('button', { name: 'Liberar poltronas' }).focus();
  await page.keyboard.press('Enter');
  for (const seat of [first, second]) await expect.poll(() => seatStatus(request, showtime.id, seat)).toBe('available');
});
