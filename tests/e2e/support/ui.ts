import { expect, type Locator, type Page } from '@playwright/test';
import type { User } from './api';
import { expectAccessible } from './a11y';

/** A seat button by its label's start, "Fileira F, poltrona 7, …" (the kind and status follow). */
export function seatButton(page: Page, seat: string): Locator {
  const [, row, number] = seat.match(/^([A-Za-z]+)(\d+)$/)!;
  return page.getByRole('button', { name: new RegExp(`^Fileira ${row}, poltrona ${number},`) });
}

export const AVAILABLE = /disponível$/;

/** Signs in through /entrar and waits for the header's "Sair". */
export async function signIn(page: Page, user: User, checkA11y = false): Promise<void> {
  await page.goto('/entrar');
  await page.getByLabel('E-mail').fill(user.email);
  await page.getByLabel('Senha', { exact: true }).fill(user.password);
  if (checkA11y) await expectAccessible(page);
  await page.getByRole('button', { name: 'Entrar', exact: true }).click();
  await expect(page).not.toHaveURL(/\/entrar/);
  await expect(page.getByRole('button', { name: 'Sair' })).toBeVisible();
}

/** Opens the seat picker and waits until the seat map is drawn. */
export async function openSeatPicker(page: Page, showtimeId: string, someSeat: string): Promise<void> {
  await page.goto(`/sessoes/${showtimeId}`);
  await expect(seatButton(page, someSeat)).toBeVisible();
}

/** Selects the named seats and holds them; returns once the hold's countdown and actions are shown. */
export async function holdSeats(page: Page, seats: string[]): Promise<void> {
  for (const seat of seats) {
    const button = seatButton(page, seat);
    await expect(button).toHaveAccessibleName(AVAILABLE);
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  }
  await page.getByRole('button', { name: 'Reservar poltronas' }).click();
  await expect(page.getByRole('button', { name: 'Liberar poltronas' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Continuar' })).toBeVisible();
}
